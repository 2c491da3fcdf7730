package io.shmlab.sim.sched;

import java.util.List;
import java.util.Map;

/**
 * What a traced run's machine looked like right after one step: each semaphore's value and waiter
 * count, each shared object's pages, and each process's page faults so far. A {@link Trace} keeps one
 * per step; consecutive steps that changed nothing share one instance, so a long per-access trace
 * costs a reference per step.
 *
 * <p>Only traced runs (replay, stepping) take states; exploration never does.
 *
 * @param semaphores every semaphore a process initialised or used so far, in the order first seen
 * @param objects every shared memory object named in /dev/shm or mapped by a live process, by name
 * @param minorFaults each process's page faults so far (first touches and copy-on-write copies), by
 *     label
 */
public record WorldState(List<SemaphoreState> semaphores, List<ObjectState> objects, Map<String, Long> minorFaults) {

    /** The state of a world that cannot be looked at. */
    public static final WorldState NONE = new WorldState(List.of(), List.of(), Map.of());

    /** Copies. */
    public WorldState {
        semaphores = List.copyOf(semaphores);
        objects = List.copyOf(objects);
        minorFaults = Map.copyOf(minorFaults);
    }

    /**
     * One semaphore, as glibc's {@code sem_t} holds it.
     *
     * @param name where it is: {@code /myData+0} (an object and the offset), {@code sem.mutex} (a
     *     named semaphore's file), or an address and the process for private memory
     * @param value the value word
     * @param waiters the waiter count glibc keeps beside it ({@code nwaiters})
     */
    public record SemaphoreState(String name, long value, long waiters) {
    }

    /**
     * One shared memory object's pages.
     *
     * @param name its name ({@code /myData}), with " (unlinked)" once shm_unlink removed it
     * @param size its size in bytes
     * @param mappedPages how many pages the longest mapping of it covers: pages from
     *     {@code ceil(size / 4096)} up to this are mapped but past the end (an access there is SIGBUS)
     * @param resident the pages that hold a frame (touched by someone, at least once)
     * @param touched by process label, the pages in that process's page table
     */
    public record ObjectState(String name, long size, long mappedPages, List<Long> resident,
            Map<String, List<Long>> touched) {

        /** Copies. */
        public ObjectState {
            resident = List.copyOf(resident);
            touched = Map.copyOf(touched);
        }
    }
}
