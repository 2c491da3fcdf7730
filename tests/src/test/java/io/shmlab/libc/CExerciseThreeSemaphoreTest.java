package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Unlink;
import io.shmlab.api.layout.SemT;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.support.CTool;
import io.shmlab.support.NativeHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercise 3 compiled from C and a Java program meet at one named semaphore: glibc's
 * {@code /dev/shm/sem.NAME}. A post from Java wakes a C process blocked in sem_wait (so the post
 * must take glibc's waking path, not the uncontended one), and a post from C wakes Java.
 */
class CExerciseThreeSemaphoreTest {
    @TempDir
    Path scratch;
    private Os os;
    private final String name = "/" + ShmLeakCheck.RUN_TAG + "-ex3-" + UUID.randomUUID();

    @BeforeEach
    void boot() {
        os = NativeHost.bootOrSkip().spawn();
    }

    @AfterEach
    void unlink() {
        if (os == null) {
            return; // skipped: the backend cannot run here
        }
        Unlink.semIfPresent(os, name);
    }

    @Test
    void aPostFromJavaWakesACProcessBlockedInSemWait() throws Exception {
        CTool exercise3 = CTool.compile("exercise3", scratch);
        Semaphore sem = os.semOpen(name, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);
        Process waiter = new ProcessBuilder(exercise3.binary().toString(), "wait", name).redirectErrorStream(true).start();
        try {
            awaitOneWaiter(sem, waiter);
            os.semPost(sem);
            assertTrue(waiter.waitFor(60, TimeUnit.SECONDS), "the C waiter was not woken");
            assertEquals("woken\n", new String(waiter.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, waiter.exitValue());
            assertEquals(0, os.semGetvalue(sem));
        } finally {
            waiter.destroyForcibly();
            os.semClose(sem);
        }
    }

    @Test
    void aPostFromCWakesJava() throws Exception {
        CTool exercise3 = CTool.compile("exercise3", scratch);
        Semaphore sem = os.semOpen(name, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);
        Process poster = new ProcessBuilder(exercise3.binary().toString(), "post", name).redirectErrorStream(true).start();
        try {
            assertTrue(os.semTimedwait(sem, os.clockGettime().plus(Duration.ofSeconds(60))), "no post arrived from C");
            assertTrue(poster.waitFor(60, TimeUnit.SECONDS));
            assertEquals("posted\n", new String(poster.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            poster.destroyForcibly();
            os.semClose(sem);
        }
    }

    /** Waits until glibc counts one waiter in the sem_t (the C process sleeps on its futex). */
    private static void awaitOneWaiter(Semaphore sem, Process waiter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (SemT.waiters(NativeMemory.getLongVolatile(sem.address() + SemT.DATA_OFFSET)) != 1) {
            assertTrue(waiter.isAlive(), "the C waiter ended early");
            assertTrue(System.nanoTime() < deadline, "the C waiter never blocked");
            Thread.sleep(5);
        }
    }
}
