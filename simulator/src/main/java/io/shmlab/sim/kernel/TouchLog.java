package io.shmlab.sim.kernel;

import io.shmlab.api.Access;

/**
 * What the running process touches that another process could see, told by the kernel as it goes:
 * the data a partial-order reduction decides on. Everything is named by its physical identity, the
 * same in every process: a byte of memory is its object and the offset in it (never a virtual
 * address, which differs per process), a futex is its {@link FutexKey}, a process is its pid.
 *
 * <p>The kernel tells only what outlives the call and another process can reach: a private anonymous
 * page, a descriptor, a mapping's place in its own address space, the console are the process's own
 * and never told. Neither is an object's list of mappings: a shrink drops the page table entries of
 * every mapping, but a mapping made or removed on either side of it ends with the same entries. Reading the clock is not told either: the clock moves only between steps, when
 * every process is blocked, and a scheduler that reduces treats that move as dependent with every
 * step.
 *
 * <p>Only one simulated process runs at a time in a run that records (a scheduled run), so what is
 * told belongs to the step in progress. {@link #NONE} records nothing: the kernel asks
 * {@link #recording()} before it works out what to tell, so a run that does not reduce pays one test.
 */
public interface TouchLog {

    /** Records nothing. */
    TouchLog NONE = new TouchLog() {
        @Override
        public boolean recording() {
            return false;
        }

        @Override
        public void memory(long objectId, long offset, long length, Access access) {
        }

        @Override
        public void objectSize(long objectId, Access access) {
        }

        @Override
        public void name(String directory, String name, Access access) {
        }

        @Override
        public void nameEnsured(String directory, String name, String signature) {
        }

        @Override
        public void semaphoreCount(long objectId, long offset, boolean up, long valueBefore) {
        }

        @Override
        public void fresh(long objectId) {
        }

        @Override
        public void futex(FutexKey key) {
        }

        @Override
        public void process(int pid, Access access) {
        }

        @Override
        public void processTable() {
        }

        @Override
        public void space(SpaceUse use, long pages, long free) {
        }
    };

    /** Whether anything is recorded: when false, the other methods need not be called. */
    boolean recording();

    /** Bytes {@code [offset, offset + length)} of an object, read or written (a store, an atomic, a copy). */
    void memory(long objectId, long offset, long length, Access access);

    /** An object's size: read by every access through a mapping (SIGBUS past it), written by a resize. */
    void objectSize(long objectId, Access access);

    /** A name of a directory ("/dev/shm", or the file system's): looked up, made or removed. */
    void name(String directory, String name, Access access);

    /**
     * A semaphore's count changed by one where the change could not fail on the count: {@code up}, a
     * post that found the value below SEM_VALUE_MAX; otherwise a wait that found it positive and took
     * one. The count is the 8-byte {@code data} word at {@code offset} of an object (the value and the
     * waiter count), and those bytes are written; {@code valueBefore} is the value found. Such changes
     * may commute with each other (a reduction decides from the values which do); any other touch of
     * those bytes is told as {@link #memory} (a sem_getvalue, a sem_trywait that found 0, a waiter
     * registering) and commutes with none. A process's own (private) semaphore is told as memory.
     */
    void semaphoreCount(long objectId, long offset, boolean up, long valueBefore);

    /**
     * A name opened with O_CREAT (no O_EXCL, no O_TRUNC) by a process that may open what any of its
     * like would create: whichever comes first creates the object, the same {@code signature} (kind,
     * mode, owner, a semaphore's value) every time, and the others open it, so two such opens of a
     * name with equal signatures commute. Anything else on the name does not commute with it.
     */
    void nameEnsured(String directory, String name, String signature);

    /**
     * The call in progress has just made this object: until the call ends no other process can reach
     * it, so what the call does to it (a semaphore's first value) is part of making it, and not told.
     */
    void fresh(long objectId);

    /** A futex's queue: a wait joins it, a wake takes from it. */
    void futex(FutexKey key);

    /** A process's life: its end (written by its exit), seen by waitpid. */
    void process(int pid, Access access);

    /** The process table and its next pid: fork takes one. */
    void processTable();

    /**
     * The free pages of /dev/shm: {@code pages} charged, refused or released ({@link SpaceUse}), with the
     * pages {@code free} after it. Which process's step charges a page that two touch first is the one
     * that comes first; either way the count ends the same, as the object's pages do.
     */
    void space(SpaceUse use, long pages, long free);
}
