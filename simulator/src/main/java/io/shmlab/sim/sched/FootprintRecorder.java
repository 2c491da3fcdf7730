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
    private int count;
    /** Objects the call in progress made: their touches are part of making them (see {@link #fresh}). */
    private long[] fresh = new long[2];
    private int freshCount;

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
        StepFootprint f = StepFootprint.copyOf(kinds, ids, starts, ends, writes, names, signatures, count);
        clear();
        return f;
    }

    /** Forgets what was gathered (touches that belong to no step, as a timer's expiry). */
    void clear() {
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
        }
        kinds[count] = kind;
        ids[count] = id;
        starts[count] = start;
        ends[count] = end;
        writes[count] = write;
        names[count] = name;
        signatures[count] = null;
        count++;
    }
}
