package io.shmlab.sim.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a depth-first search is split into subtrees that workers explore on their own: the schedule
 * tree is expanded breadth-first from its root, by short runs that follow a prefix and stop
 * ({@link PrefixProbe}), until it has {@link #TARGET_SUBTREES} nodes at one depth or reaches
 * {@link #MAX_DEPTH} points; each node of that depth (or a schedule that ended above it) is a
 * {@link Subtree}, and the subtrees in order are the whole search in its order.
 *
 * <p>The split depends on the program and the search alone, never on how many threads explore it, so
 * the search, its counts and its order are the same on one thread as on many.
 *
 * <ul>
 *   <li>Plain DFS: every enabled process is a child, in the rotated order (position 0 first), as
 *       {@link DfsStrategy} takes them; the subtrees partition the schedules exactly.</li>
 *   <li>DPOR: at a point of the split every process that is awake is a child, in the rotated order,
 *       each with the sleep set it has there: the sleep set of the point and the children before it,
 *       with the footprints of their steps. This is {@link DporStrategy}'s search with a backtrack set
 *       that holds every enabled process at the first points, which is sound (a larger backtrack set
 *       explores more, never less) and, with sleep sets, still runs one schedule per class. A child
 *       after whose step every enabled process sleeps is cut, as the whole search would cut it.</li>
 * </ul>
 */
final class SearchSplit {

    /** How many subtrees a split aims at: several per core on a small machine, for balance. */
    static final int TARGET_SUBTREES = 64;
    /** The deepest point a split reaches, however few subtrees it has. */
    static final int MAX_DEPTH = 24;

    /**
     * One subtree: the schedules that start with a prefix.
     *
     * @param prefix the process chosen at each point of the prefix
     * @param sleeps for DPOR, the sleep set at each point of the prefix; empty for plain DFS
     * @param positions the positions taken at the prefix's points with more than one process enabled
     */
    record Subtree(int[] prefix, SleepSet[] sleeps, int[] positions) {
    }

    /** A node of the expansion: a prefix, what a run following it saw, and the sleep set after it. */
    private record Node(int[] prefix, SleepSet[] sleeps, PrefixProbe probe, SleepSet sleepAfter) {
    }

    private SearchSplit() {
    }

    /** The whole search as one subtree. */
    static Subtree whole() {
        return new Subtree(new int[0], new SleepSet[0], new int[0]);
    }

    /**
     * Splits the search of a simulation.
     *
     * @param reduced whether the search is DPOR's (else plain DFS)
     * @param scheduler runs the probes
     */
    static List<Subtree> split(Simulation simulation, RunSettings settings, boolean reduced, Scheduler scheduler) {
        List<Node> frontier = new ArrayList<>();
        frontier.add(new Node(new int[0], new SleepSet[0], probe(simulation, settings, new int[0], scheduler),
                SleepSet.EMPTY));
        for (int depth = 0; depth < MAX_DEPTH && frontier.size() < TARGET_SUBTREES; depth++) {
            List<Node> next = new ArrayList<>();
            boolean grown = false;
            for (Node node : frontier) {
                if (!node.probe().reachedEnd()) {
                    next.add(node);
                    continue;
                }
                grown = true;
                expand(node, simulation, settings, reduced, scheduler, next);
            }
            frontier = next;
            if (!grown) {
                break;
            }
        }
        List<Subtree> subtrees = new ArrayList<>(frontier.size());
        for (Node node : frontier) {
            subtrees.add(new Subtree(node.prefix(), reduced ? node.sleeps() : new SleepSet[0],
                    node.probe().branchingPositions()));
        }
        return subtrees;
    }

    /** Adds the children of a node, in order, to {@code next}. */
    private static void expand(Node node, Simulation simulation, RunSettings settings, boolean reduced,
            Scheduler scheduler, List<Node> next) {
        int k = node.prefix().length;
        SleepSet explored = node.sleepAfter();
        for (int p : node.probe().enabledAfter()) {
            if (reduced) {
                DporStrategy.requireReducible(p);
                if (explored.asleep(p)) {
                    continue;
                }
            }
            int[] prefix = Arrays.copyOf(node.prefix(), k + 1);
            prefix[k] = p;
            PrefixProbe probe = probe(simulation, settings, prefix, scheduler);
            SleepSet[] sleeps = Arrays.copyOf(node.sleeps(), k + 1);
            sleeps[k] = explored;
            if (!reduced) {
                next.add(new Node(prefix, sleeps, probe, SleepSet.EMPTY));
                continue;
            }
            StepFootprint step = probe.footprint(k);
            SleepSet after = probe.clockMovedAfter(k) ? SleepSet.EMPTY : explored.after(p, step);
            if (!probe.reachedEnd() || !allAsleep(probe.enabledAfter(), after)) {
                next.add(new Node(prefix, sleeps, probe, after));
            }
            explored = explored.with(p, step);
        }
    }

    private static boolean allAsleep(int[] enabled, SleepSet sleep) {
        for (int p : enabled) {
            if (!sleep.asleep(p)) {
                return false;
            }
        }
        return true;
    }

    private static PrefixProbe probe(Simulation simulation, RunSettings settings, int[] prefix, Scheduler scheduler) {
        PrefixProbe probe = new PrefixProbe(prefix);
        probe.beginSchedule();
        scheduler.run(simulation, settings, probe);
        return probe;
    }
}
