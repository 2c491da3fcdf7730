package io.shmlab.sim.sched;

import java.util.Arrays;

/**
 * What one step of a scheduled run touched that another process could see, as the kernel told its
 * {@link io.shmlab.sim.kernel.TouchLog}: each touch a kind, an identity (an object, a pid, a futex,
 * a name), for memory a byte range, and whether it wrote. Two steps of different processes are
 * {@linkplain #dependsOn dependent} when they touch the same thing and at least one writes it;
 * independent steps give the same state in either order, which is what the partial-order reduction
 * ({@link DporStrategy}) relies on.
 *
 * <p>Identities are physical (an object's id and an offset in it, a futex's key), so they compare
 * across processes. Immutable once made by {@link FootprintRecorder#take()}.
 */
final class StepFootprint {

    /** Kinds of touch. */
    static final byte MEMORY = 0;
    static final byte OBJECT_SIZE = 1;
    static final byte NAME = 2;
    static final byte FUTEX = 3;
    static final byte PROCESS = 4;
    static final byte PROCESS_TABLE = 5;
    /**
     * The free pages of /dev/shm ({@link io.shmlab.sim.kernel.SpaceUse}): {@code starts} holds the use's
     * ordinal; for a charge, {@code ids} the pages the step charged and {@code ends} the fewest pages
     * it left free. Touches of different uses conflict; refusals commute, and releases; two charges
     * commute when both fit in what each left: {@code n1 + n2 <= min(left1, left2)}.
     */
    static final byte SPACE = 6;
    private static final long CHARGED = io.shmlab.sim.kernel.SpaceUse.CHARGED.ordinal();

    /** A step that touched nothing another process sees. */
    static final StepFootprint NOTHING = new StepFootprint(new byte[0], new long[0], new long[0], new long[0],
            new boolean[0], new String[0], new String[0], 0);

    private final byte[] kinds;
    /** The object, the pid, the futex's space; unused for a name or the process table. */
    private final long[] ids;
    /** For memory: the first byte; for a futex: its location. */
    private final long[] starts;
    /** For memory: the byte after the last; for a futex: 1 when shared. */
    private final long[] ends;
    private final boolean[] writes;
    /** For a name: the directory and the name, joined. */
    private final String[] names;
    /**
     * For a name opened by an open that creates or opens alike ({@code nameEnsured}): what it would
     * create; two such touches with equal signatures commute. Null for any other touch.
     */
    private final String[] signatures;
    private final int count;
    /** Which kinds occur, one bit each: a quick test before the pairwise one. */
    private final int kindMask;

    StepFootprint(byte[] kinds, long[] ids, long[] starts, long[] ends, boolean[] writes, String[] names,
            String[] signatures, int count) {
        this.kinds = kinds;
        this.ids = ids;
        this.starts = starts;
        this.ends = ends;
        this.writes = writes;
        this.names = names;
        this.signatures = signatures;
        this.count = count;
        int mask = 0;
        for (int i = 0; i < count; i++) {
            mask |= 1 << kinds[i];
        }
        this.kindMask = mask;
    }

    /** How many touches. */
    int size() {
        return count;
    }

    /** Whether a step of another process with this footprint may not commute with a step with {@code other}. */
    boolean dependsOn(StepFootprint other) {
        if ((kindMask & other.kindMask) == 0) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < other.count; j++) {
                if (conflict(i, other, j)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean conflict(int i, StepFootprint o, int j) {
        byte kind = kinds[i];
        if (kind != o.kinds[j]) {
            return false;
        }
        if (!writes[i] && !o.writes[j]) {
            return false;
        }
        return switch (kind) {
            case MEMORY -> ids[i] == o.ids[j] && starts[i] < o.ends[j] && o.starts[j] < ends[i];
            case OBJECT_SIZE, PROCESS -> ids[i] == o.ids[j];
            case NAME -> names[i].equals(o.names[j])
                    && (signatures[i] == null || !signatures[i].equals(o.signatures[j]));
            case FUTEX -> ids[i] == o.ids[j] && starts[i] == o.starts[j] && ends[i] == o.ends[j];
            case SPACE -> starts[i] != o.starts[j]
                    || starts[i] == CHARGED && ids[i] + o.ids[j] > Math.min(ends[i], o.ends[j]);
            default -> true;
        };
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(writes[i] ? "writes " : "reads ");
            switch (kinds[i]) {
                case MEMORY -> b.append("object ").append(ids[i]).append(" bytes [").append(starts[i]).append(", ")
                        .append(ends[i] == Long.MAX_VALUE ? "end" : String.valueOf(ends[i])).append(')');
                case OBJECT_SIZE -> b.append("the size of object ").append(ids[i]);
                case NAME -> b.append("the name ").append(names[i].replace('\u0000', ' '))
                        .append(signatures[i] == null ? "" : " (made sure of, as " + signatures[i] + ")");
                case FUTEX -> b.append("the futex ").append(ids[i]).append('/').append(starts[i])
                        .append(ends[i] == 1 ? " (shared)" : " (private)");
                case PROCESS -> b.append("the end of process ").append(ids[i]);
                case SPACE -> b.append("the space of /dev/shm (")
                        .append(io.shmlab.sim.kernel.SpaceUse.values()[(int) starts[i]].name().toLowerCase(java.util.Locale.ROOT))
                        .append(starts[i] == CHARGED ? " " + ids[i] + " page(s), " + ends[i] + " left" : "").append(')');
                default -> b.append("the process table");
            }
        }
        return b.append(']').toString();
    }

    /** Copies of the first {@code count} entries of the recorder's arrays. */
    static StepFootprint copyOf(byte[] kinds, long[] ids, long[] starts, long[] ends, boolean[] writes, String[] names,
            String[] signatures, int count) {
        if (count == 0) {
            return NOTHING;
        }
        return new StepFootprint(Arrays.copyOf(kinds, count), Arrays.copyOf(ids, count), Arrays.copyOf(starts, count),
                Arrays.copyOf(ends, count), Arrays.copyOf(writes, count), Arrays.copyOf(names, count),
                Arrays.copyOf(signatures, count), count);
    }
}
