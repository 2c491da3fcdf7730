package io.shmlab.sim.sched;

import io.shmlab.api.Access;
import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.SpaceUse;
import io.shmlab.sim.kernel.TouchLog;
import java.util.Arrays;

/**
 * The {@link TouchLog} of a run that reduces its schedules: gathers what the step in progress touches,
 * and hands it over as a {@link StepFootprint} when the step ends. A touch equal to, or (for memory)
 * next to, one of the last few is merged into it, so a loop over an array costs one entry.
 *
 * <p>It labels the changes of a semaphore's count ({@link StepFootprint}'s class note): it keeps, per
 * count changed since the last other touch of its bytes, how many posts its segment has had.
 *
 * <p>Used only by the thread holding the run's baton, like the rest of the dispatcher.
 */
final class FootprintRecorder implements TouchLog {

    /** How many recent entries a new touch is compared with before it is appended. */
    private static final int MERGE_WINDOW = 8;

    private byte[] kinds = new byte[16];
    private long[] ids = new long[16];
    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private boolean[] writes = new boolean[16];
    private String[] names = new String[16];
    private String[] signatures = new String[16];
    private long[] values = new long[16];
    private int count;
    /** Objects the call in progress made: their touches are part of making them (see {@link #fresh}). */
    private long[] fresh = new long[2];
    private int freshCount;
    /** The counts with a segment open: the object, the offset of the word, the posts in the segment. */
    private long[] segmentObjects = new long[2];
    private long[] segmentOffsets = new long[2];
    private long[] segmentPosts = new long[2];
    private int segments;

    @Override
    public boolean recording() {
        return true;
    }

    @Override
    public void memory(long objectId, long offset, long length, Access access) {
        if (length <= 0 || isFresh(objectId)) {
            return;
        }
        long end = offset + length < offset ? Long.MAX_VALUE : offset + length;
        if (segments > 0) {
            endSegments(objectId, offset, end);
        }
        boolean write = access == Access.WRITE;
        for (int i = count - 1; i >= Math.max(0, count - MERGE_WINDOW); i--) {
            if (kinds[i] == StepFootprint.MEMORY && ids[i] == objectId && writes[i] == write
                    && offset <= ends[i] && starts[i] <= end) {
                starts[i] = Math.min(starts[i], offset);
                ends[i] = Math.max(ends[i], end);
                return;
            }
        }
        add(StepFootprint.MEMORY, objectId, offset, end, write, null);
    }

    @Override
    public void objectSize(long objectId, Access access) {
        if (!isFresh(objectId)) {
            addUnlessRecent(StepFootprint.OBJECT_SIZE, objectId, 0, 0, access == Access.WRITE, null);
        }
    }

    @Override
    public void name(String directory, String name, Access access) {
        addUnlessRecent(StepFootprint.NAME, 0, 0, 0, access == Access.WRITE, directory + "\u0000" + name);
    }

    @Override
    public void nameEnsured(String directory, String name, String signature) {
        add(StepFootprint.NAME, 0, 0, 0, true, directory + "\u0000" + name);
        signatures[count - 1] = signature;
    }

    @Override
    public void semaphoreCount(long objectId, long offset, boolean up, long valueBefore) {
        if (isFresh(objectId)) {
            return;
        }
        int s = segment(objectId, offset);
        if (up && valueBefore < StepFootprint.COUNT_LIMIT) {
            segmentPosts[s]++;
            addCount(StepFootprint.COUNT_UP, objectId, offset, valueBefore);
            return;
        }
        if (up) {
            memory(objectId, offset, Long.BYTES, Access.WRITE); // near SEM_VALUE_MAX: ends the segment
            return;
        }
        long margin = valueBefore - segmentPosts[s];
        if (margin >= 1) {
            addCount(StepFootprint.COUNT_DOWN, objectId, offset, margin);
        } else {
            addCount(StepFootprint.COUNT_DOWN_ON_POSTS, objectId, offset, valueBefore);
        }
    }

    private void addCount(byte kind, long objectId, long offset, long value) {
        add(kind, objectId, offset, offset + Long.BYTES, true, null);
        values[count - 1] = value;
    }

    /** The segment of the count at this word, opened if there is none. */
    private int segment(long objectId, long offset) {
        for (int i = 0; i < segments; i++) {
            if (segmentObjects[i] == objectId && segmentOffsets[i] == offset) {
                return i;
            }
        }
        if (segments == segmentObjects.length) {
            int n = segments * 2;
            segmentObjects = Arrays.copyOf(segmentObjects, n);
            segmentOffsets = Arrays.copyOf(segmentOffsets, n);
            segmentPosts = Arrays.copyOf(segmentPosts, n);
        }
        segmentObjects[segments] = objectId;
        segmentOffsets[segments] = offset;
        segmentPosts[segments] = 0;
        return segments++;
    }

    /** Ends the segments of the counts whose words overlap {@code [from, to)} of an object. */
    private void endSegments(long objectId, long from, long to) {
        for (int i = segments - 1; i >= 0; i--) {
            long at = segmentOffsets[i];
            if (segmentObjects[i] == objectId && at < to && from < at + Long.BYTES) {
                segments--;
                segmentObjects[i] = segmentObjects[segments];
                segmentOffsets[i] = segmentOffsets[segments];
                segmentPosts[i] = segmentPosts[segments];
            }
        }
    }

    @Override
    public void fresh(long objectId) {
        if (freshCount == fresh.length) {
            fresh = Arrays.copyOf(fresh, freshCount * 2);
        }
        fresh[freshCount++] = objectId;
    }

    /** The call in progress ended: the objects it made are like any other from now on. */
    void endOfCall() {
        freshCount = 0;
    }

    private boolean isFresh(long objectId) {
        for (int i = 0; i < freshCount; i++) {
            if (fresh[i] == objectId) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void futex(FutexKey key) {
        addUnlessRecent(StepFootprint.FUTEX, key.space(), key.location(), key.shared() ? 1 : 0, true, null);
    }

    @Override
    public void process(int pid, Access access) {
        addUnlessRecent(StepFootprint.PROCESS, pid, 0, 0, access == Access.WRITE, null);
    }

    @Override
    public void processTable() {
        addUnlessRecent(StepFootprint.PROCESS_TABLE, 0, 0, 0, true, null);
    }

    /**
     * A step's charges make one entry: the pages it charged in all, and the fewest it left free (after
     * its last); its refusals one, its releases one.
     */
    @Override
    public void space(SpaceUse use, long pages, long free) {
        if (use != SpaceUse.CHARGED) {
            addUnlessRecent(StepFootprint.SPACE, 0, use.ordinal(), 0, true, null);
            return;
        }
        for (int i = 0; i < count; i++) {
            if (kinds[i] == StepFootprint.SPACE && starts[i] == use.ordinal()) {
                ids[i] += pages;
                ends[i] = Math.min(ends[i], free);
                return;
            }
        }
        add(StepFootprint.SPACE, pages, use.ordinal(), free, true, null);
    }

    /** The footprint of the step that just ended; the next step starts with nothing. */
    StepFootprint take() {
        StepFootprint f = StepFootprint.copyOf(kinds, ids, starts, ends, writes, names, signatures, values, count);
        forgetTouches();
        return f;
    }

    /**
     * Forgets what was gathered (touches that belong to no step, as a timer's expiry), and ends every
     * count's segment: what happened before is ordered before what comes after.
     */
    void clear() {
        segments = 0;
        forgetTouches();
    }

    private void forgetTouches() {
        if (count > 0) {
            Arrays.fill(names, 0, count, null);
            Arrays.fill(signatures, 0, count, null);
            count = 0;
        }
    }

    private void addUnlessRecent(byte kind, long id, long start, long end, boolean write, String name) {
        for (int i = count - 1; i >= Math.max(0, count - MERGE_WINDOW); i--) {
            if (kinds[i] == kind && ids[i] == id && starts[i] == start && ends[i] == end && signatures[i] == null
                    && (name == null ? names[i] == null : name.equals(names[i]))) {
                writes[i] |= write;
                return;
            }
        }
        add(kind, id, start, end, write, name);
    }

    private void add(byte kind, long id, long start, long end, boolean write, String name) {
        if (count == kinds.length) {
            int n = count * 2;
            kinds = Arrays.copyOf(kinds, n);
            ids = Arrays.copyOf(ids, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            writes = Arrays.copyOf(writes, n);
            names = Arrays.copyOf(names, n);
            signatures = Arrays.copyOf(signatures, n);
            values = Arrays.copyOf(values, n);
        }
        kinds[count] = kind;
        ids[count] = id;
        starts[count] = start;
        ends[count] = end;
        writes[count] = write;
        names[count] = name;
        signatures[count] = null;
        values[count] = 0;
        count++;
    }
}
