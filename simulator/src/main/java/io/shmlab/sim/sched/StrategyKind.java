package io.shmlab.sim.sched;

import java.util.Locale;

/** The exploration strategies by name, as a user picks them: {@code dfs}, {@code pct}, {@code random}. */
public enum StrategyKind {
    /** Exhaustive depth-first search bounded by preemptions: {@link DfsStrategy}. */
    DFS,
    /** Probabilistic concurrency testing: {@link PctStrategy}. */
    PCT,
    /** Uniformly random choices: {@link RandomStrategy}. */
    RANDOM;

    /** The kind named {@code dfs}, {@code pct} or {@code random} (any case). */
    public static StrategyKind parse(String name) {
        for (StrategyKind k : values()) {
            if (k.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "'; known: dfs, pct, random");
    }

    /** The name a user types. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
