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
 * <p>A semaphore's count: a successful post and a successful decrement of a positive value both
 * write the {@code data} word, yet many of them commute, as labelled events. The
 * {@link FootprintRecorder} labels them per segment of a count (its changes between two other touches
 * of its bytes, which are dependent with them all), from the value {@code b} the segment starts with:
 * <ul>
 *   <li>{@link #COUNT_UP}: a post that found the value below {@link #COUNT_LIMIT};</li>
 *   <li>{@link #COUNT_DOWN}: a decrement that would have succeeded without any post of its segment
 *       (its margin, the value found less the segment's posts so far, is at least 1): one of the
 *       segment's first {@code b} decrements;</li>
 *   <li>{@link #COUNT_DOWN_ON_POSTS}: a later decrement, which needed posts of its segment.</li>
 * </ul>
 * Dependent among them: a count down on posts with a count up and with a count down (all of the
 * segment's counts down come before it). Every reordering of a schedule's steps that keeps the order
 * of its dependent steps is then a schedule with the same labels and the same state: posts succeed
 * (no reordering moves a value by 2^30), the segment's first {@code b} decrements stay its first
 * {@code b} in any order (each finds a positive value), the later ones keep the posts before them and
 * the block of decrements between two posts finds the same value at its start, and the value and the
 * waiter count at the end are the same sums. So the relation is a static one on labels, and the labels
 * are stable under those reorderings, as the reduction's happens-before order needs. A count and any
 * other touch of its bytes are dependent (a sem_getvalue must not commute with a post; a waiter
 * registering changes what a post wakes).
 *
 * <p>Sleep sets ask more ({@link #disturbs}): whether a step explored from an earlier state keeps its
 * label and succeeds after this one: a count up after another while the value stays below the limit,
 * a count down after another of its label only when this one left it room (a margin, or for one on
 * posts the value found, of at least 2).
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
    static final byte COUNT_UP = 6;
    static final byte COUNT_DOWN = 7;
    static final byte COUNT_DOWN_ON_POSTS = 8;

    /**
     * A post that finds the value at this or above is told as a write, not a count up: no reordering
     * of a run's steps moves a value by 2^30 (a run has fewer steps than that), so a count up stays
     * below SEM_VALUE_MAX in every order.
     */
    static final long COUNT_LIMIT = 1L << 30;
    /**
     * The free pages of /dev/shm ({@link io.shmlab.sim.kernel.SpaceUse}): {@code starts} holds the use's
     * ordinal; for a charge, {@code ids} the pages the step charged and {@code ends} the fewest pages
     * it left free. Touches of different uses conflict; refusals commute, and releases; two charges
     * commute when both fit in what each left: {@code n1 + n2 <= min(left1, left2)}.
     */
    static final byte SPACE = 9;
    private static final long CHARGED = io.shmlab.sim.kernel.SpaceUse.CHARGED.ordinal();

    /** A step that touched nothing another process sees. */
    static final StepFootprint NOTHING = new StepFootprint(new byte[0], new long[0], new long[0], new long[0],
            new boolean[0], new String[0], new String[0], new long[0], 0);

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
    /** For a count up or a count down on posts: the value it found; for a count down: its margin. */
    private final long[] values;
    private final int count;
    /** Which kinds occur, one bit each: a quick test before the pairwise one. */
    private final int kindMask;

    StepFootprint(byte[] kinds, long[] ids, long[] starts, long[] ends, boolean[] writes, String[] names,
            String[] signatures, long[] values, int count) {
        this.kinds = kinds;
        this.ids = ids;
        this.starts = starts;
        this.ends = ends;
        this.writes = writes;
        this.names = names;
        this.signatures = signatures;
        this.values = values;
        this.count = count;
        int mask = 0;
        for (int i = 0; i < count; i++) {
            mask |= 1 << (bytesOfMemory(kinds[i]) ? MEMORY : kinds[i]);
        }
        this.kindMask = mask;
    }

    /** How many touches. */
    int size() {
        return count;
    }

    /**
     * Whether a step of another process with this footprint may not commute with a step with {@code other}, both
     * as they ran in one schedule: what decides the happens-before order of a schedule's steps. Symmetric.
     */
    boolean dependsOn(StepFootprint other) {
        return conflicts(other, false);
    }

    /**
     * Whether this step, run from some state, may change what a step of another process explored from
     * that state ({@code sleeping}, with the footprint it had then) does next, or not commute with it:
     * what wakes a process in a sleep set. All that {@link #dependsOn} says, and besides two changes
     * of a count with the same label when the second would lose its label or fail after this one: this
     * count down left no room (see the class note), or this count up brings the value to the limit.
     */
    boolean disturbs(StepFootprint sleeping) {
        return conflicts(sleeping, true);
    }

    private boolean conflicts(StepFootprint other, boolean forward) {
        if ((kindMask & other.kindMask) == 0) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < other.count; j++) {
                if (conflict(i, other, j, forward)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a touch is of bytes of an object: memory, or a semaphore's count. */
    private static boolean bytesOfMemory(byte kind) {
        return kind == MEMORY || kind == COUNT_UP || kind == COUNT_DOWN || kind == COUNT_DOWN_ON_POSTS;
    }

    private boolean conflict(int i, StepFootprint o, int j, boolean forward) {
        byte kind = kinds[i];
        byte otherKind = o.kinds[j];
        if (bytesOfMemory(kind) && bytesOfMemory(otherKind)) {
            if (ids[i] != o.ids[j] || starts[i] >= o.ends[j] || o.starts[j] >= ends[i]) {
                return false;
            }
            if (kind == MEMORY && otherKind == MEMORY) {
                return writes[i] || o.writes[j];
            }
            if (kind == MEMORY || otherKind == MEMORY || starts[i] != o.starts[j]) {
                return true; // a count and another touch of its bytes, or two words that overlap
            }
            if (kind != otherKind) {
                return kind == COUNT_DOWN_ON_POSTS || otherKind == COUNT_DOWN_ON_POSTS;
            }
            if (!forward) {
                return false;
            }
            return kind == COUNT_UP ? values[i] + 1 >= COUNT_LIMIT : values[i] <= 1;
        }
        if (kind != otherKind) {
            return false;
        }
        if (!writes[i] && !o.writes[j]) {
            return false;
        }
        return switch (kind) {
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
                case COUNT_UP -> b.append("the semaphore count at object ").append(ids[i]).append(" byte ")
                        .append(starts[i]).append(" up from ").append(values[i]);
                case COUNT_DOWN -> b.append("the semaphore count at object ").append(ids[i]).append(" byte ")
                        .append(starts[i]).append(" down, margin ").append(values[i]);
                case COUNT_DOWN_ON_POSTS -> b.append("the semaphore count at object ").append(ids[i]).append(" byte ")
                        .append(starts[i]).append(" down on posts from ").append(values[i]);
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
            String[] signatures, long[] values, int count) {
        if (count == 0) {
            return NOTHING;
        }
        return new StepFootprint(Arrays.copyOf(kinds, count), Arrays.copyOf(ids, count), Arrays.copyOf(starts, count),
                Arrays.copyOf(ends, count), Arrays.copyOf(writes, count), Arrays.copyOf(names, count),
                Arrays.copyOf(signatures, count), Arrays.copyOf(values, count), count);
    }
}
