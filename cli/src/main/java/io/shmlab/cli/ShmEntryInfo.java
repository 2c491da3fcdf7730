package io.shmlab.cli;

import io.shmlab.api.ShmNamespace;
import java.time.Duration;
import java.util.List;

/**
 * One entry of /dev/shm (the host's or a simulated machine's) as {@code shmlab ls} shows it.
 *
 * @param entry its file name in /dev/shm ({@code os_cp}, {@code sem.x})
 * @param size its size in bytes
 * @param mode its permission bits
 * @param owner its owner's name (or uid)
 * @param age how long ago it was made (or last changed, where that is all the file system keeps)
 * @param users the processes that have it open or mapped, each as {@code 1234 (open, mapped)}
 * @param semValue a named semaphore's value, or {@code null} for an object
 * @param semWaiters a named semaphore's count of waiters, or {@code null} for an object
 * @param allocatedPages the pages it holds of the tmpfs (what {@code du} counts, against the size
 *     {@code ls -l} shows), or -1 where that is not known
 */
record ShmEntryInfo(String entry, long size, int mode, String owner, Duration age, List<String> users, Long semValue,
        Long semWaiters, long allocatedPages) {

    /** Copies. */
    ShmEntryInfo {
        users = List.copyOf(users);
    }

    /** An entry whose allocated pages are not known. */
    ShmEntryInfo(String entry, long size, int mode, String owner, Duration age, List<String> users, Long semValue,
            Long semWaiters) {
        this(entry, size, mode, owner, age, users, semValue, semWaiters, -1);
    }

    /** Whether it is a named semaphore's file. */
    boolean semaphore() {
        return semValue != null;
    }

    /** Its name as a program gives it: {@code /os_cp}, or {@code /x} for {@code sem.x}. */
    String name() {
        return ShmNamespace.isSemaphoreFile(entry) && semaphore() ? ShmNamespace.semaphoreName(entry) : "/" + entry;
    }
}
