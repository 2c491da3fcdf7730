package io.shmlab.labs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The labs a user can name, in the order they are listed: the course's ({@link #course()}) and any
 * added with {@link #with}. The {@code shmlab} command takes its lab list, its lab arguments and the
 * options of {@link LabParameter}s from here, so a new lab is one class and one {@code with}.
 * Immutable.
 */
public final class Labs {
    private final List<LabDefinition> all;

    private Labs(List<LabDefinition> all) {
        this.all = List.copyOf(all);
    }

    /** The course's labs, {@link Lab} in its order. */
    public static Labs course() {
        return new Labs(List.of(Lab.values()));
    }

    /**
     * These labs and one more, listed last.
     *
     * @throws IllegalArgumentException when its id is not one lower-case word, or is taken
     */
    public Labs with(LabDefinition lab) {
        String id = lab.id();
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("lab id '" + id + "': one word of lower-case letters, digits, '.', '_' or '-'");
        }
        if (byId(id).isPresent()) {
            throw new IllegalArgumentException("lab id '" + id + "' is taken");
        }
        List<LabDefinition> more = new ArrayList<>(all);
        more.add(lab);
        return new Labs(more);
    }

    /** Every lab, in order. */
    public List<LabDefinition> all() {
        return all;
    }

    /** The lab a user named, ignoring case. */
    public Optional<LabDefinition> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return all.stream().filter(l -> l.id().equals(wanted)).findFirst();
    }

    /** Every id, in order. */
    public List<String> ids() {
        return all.stream().map(LabDefinition::id).toList();
    }
}
