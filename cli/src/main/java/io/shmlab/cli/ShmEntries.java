package io.shmlab.cli;

import io.shmlab.api.ShmNamespace;
import java.util.ArrayList;
import java.util.List;

/** Entries of /dev/shm ({@code os_cp}, {@code sem.x}) as names a user reads. */
final class ShmEntries {

    private ShmEntries() {
    }

    /** The entries of an object's and a semaphore's names: {@code /x} is {@code x}, semaphore {@code /x} is {@code sem.x}. */
    static List<String> of(List<String> objects, List<String> semaphores) {
        List<String> entries = new ArrayList<>();
        objects.forEach(n -> entries.add(ShmNamespace.objectFile(n)));
        semaphores.forEach(n -> entries.add(ShmNamespace.semaphoreFile(n)));
        return entries;
    }

    /** {@code /os_cp} for an object, {@code semaphore /x} for a named semaphore. */
    static String display(String entry) {
        return ShmNamespace.isSemaphoreFile(entry) ? "semaphore " + ShmNamespace.semaphoreName(entry) : "/" + entry;
    }
}
