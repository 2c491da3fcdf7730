package io.shmlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names and their entries of /dev/shm, as measured on Linux with glibc 2.36. */
class ShmNamespaceTest {

    @Test
    void anObjectIsItsNameWithoutTheLeadingSlashes() {
        assertEquals("os_cp", ShmNamespace.objectFile("/os_cp"));
        assertEquals("os_cp", ShmNamespace.objectFile("//os_cp"));
        assertEquals("os_cp", ShmNamespace.objectFile("os_cp"));
    }

    @Test
    void aNamedSemaphoreIsTheFileSemDotName() {
        assertEquals("sem.x", ShmNamespace.semaphoreFile("/x"));
        assertEquals("sem.x", ShmNamespace.semaphoreFile("///x"));
        assertEquals("sem.ring-empty", ShmNamespace.semaphoreFile("/ring-empty"));
    }

    @Test
    void anEntryGivesBackItsSemaphoresName() {
        assertTrue(ShmNamespace.isSemaphoreFile("sem.x"));
        assertEquals("/x", ShmNamespace.semaphoreName("sem.x"));
        assertEquals("/x", ShmNamespace.semaphoreName(ShmNamespace.semaphoreFile("/x")));
        assertFalse(ShmNamespace.isSemaphoreFile("os_cp"));
        assertFalse(ShmNamespace.isSemaphoreFile("sem."), "no semaphore has an empty name");
        assertFalse(ShmNamespace.isSemaphoreFile("semx"));
        assertThrows(IllegalArgumentException.class, () -> ShmNamespace.semaphoreName("os_cp"));
    }

    @Test
    void aSemaphoresNameHasFourBytesLessRoomThanAnObjects() {
        assertEquals(255, ShmNamespace.OBJECT_NAME_MAX);
        assertEquals(251, ShmNamespace.SEMAPHORE_NAME_MAX);
        assertEquals(Limits.NAME_MAX, ShmNamespace.semaphoreFile("/" + "n".repeat(ShmNamespace.SEMAPHORE_NAME_MAX)).length());
        assertEquals(260, ShmNamespace.GLIBC_FILE_NAME_LIMIT);
    }
}
