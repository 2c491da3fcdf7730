package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Mapping;
import io.shmlab.api.MapFlags;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Protection;
import io.shmlab.labs.Exercise4;
import io.shmlab.labs.SemDataLayout;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.layout.SemT;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exercises on the real kernel, driven through the command's standard input, and shared with C
 * programs compiled here. Every name is unique to the test and removed after it.
 */
class NativeExercisesTest {
    private static final String MY_DATA_C = """
            #include <fcntl.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/mman.h>
            #include <unistd.h>
            struct myData { int version; char text[1020]; int counter; };
            int main(int argc, char **argv) {
              int fd = shm_open(argv[1], O_RDWR | O_CREAT, 0600);
              if (fd == -1) { perror("shm_open"); return 1; }
              if (ftruncate(fd, sizeof(struct myData)) == -1) { perror("ftruncate"); return 1; }
              struct myData *data = mmap(NULL, sizeof(struct myData), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
              if (data == MAP_FAILED) { perror("mmap"); return 1; }
              if (argv[2][0] == 'w') {
                strcpy(data->text, "written by C");
                data->version = 7;
                data->counter = 42;
              } else {
                printf("version=%d text=%s counter=%d\\n", data->version, data->text, data->counter);
              }
              munmap(data, sizeof(struct myData));
              return 0;
            }
            """;

    private static final String RING_C = """
            #include <fcntl.h>
            #include <semaphore.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/mman.h>
            #include <unistd.h>
            typedef char item_t[256];
            struct ring_buffer { item_t data[MAX_ELEMENTS_PLUS_ONE]; size_t first; size_t last; };
            int main(int argc, char **argv) {
              char n[300];
              int fd = shm_open(argv[1], O_RDWR | O_CREAT, 0600);
              if (fd == -1) { perror("shm_open"); return 1; }
              ftruncate(fd, sizeof(struct ring_buffer));
              struct ring_buffer *b = mmap(NULL, sizeof(*b), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
              snprintf(n, sizeof n, "%s-empty", argv[1]); sem_t *empty = sem_open(n, O_CREAT, 0600, MAX_ELEMENTS_PLUS_ONE - 1);
              snprintf(n, sizeof n, "%s-full", argv[1]);  sem_t *full = sem_open(n, O_CREAT, 0600, 0);
              snprintf(n, sizeof n, "%s-mutex", argv[1]); sem_t *mutex = sem_open(n, O_CREAT, 0600, 1);
              if (empty == SEM_FAILED || full == SEM_FAILED || mutex == SEM_FAILED) { perror("sem_open"); return 1; }
              if (argv[2][0] == 'p') {
                item_t item = {0};
                strncpy(item, argv[3], sizeof item - 1);
                sem_wait(empty); sem_wait(mutex);
                memcpy(&b->data[b->last], &item, sizeof item);
                b->last = (b->last + 1) % MAX_ELEMENTS_PLUS_ONE;
                sem_post(mutex); sem_post(full);
              } else {
                item_t item;
                sem_wait(full); sem_wait(mutex);
                memcpy(&item, &b->data[b->first], sizeof item);
                b->first = (b->first + 1) % MAX_ELEMENTS_PLUS_ONE;
                sem_post(mutex); sem_post(empty);
                printf("%s\\n", item);
              }
              return 0;
            }
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final HostNames names = new HostNames();

    @Test
    void exercise1CommandsReadWriteAndCount() {
        String name = names.object("ex1");
        Shmlab.Result r = Shmlab.withInput("w hello there\nr\ni 5\nd 2\nr\nq\n", "ex1", "--backend=native", "--name=" + name);
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("version: 1\n   text: hello there\ncounter: 0\n"), r::toString);
        assertTrue(r.out().contains("version: 1\n   text: hello there\ncounter: 3\n"), r::toString);
        assertTrue(r.out().contains(name + " is mapped at 0x"), r::toString);
    }

    @Test
    void exercise1SharesStructMyDataWithC() throws Exception {
        String name = names.object("ex1c");
        CProgram c = CProgram.compile(dir, "mydata", MY_DATA_C);
        c.run(name, "w");
        Shmlab.Result r = Shmlab.withInput("r\nw from Java\ni 8\nq\n", "ex1", "--backend=native", "--name=" + name);
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("version: 7\n   text: written by C\ncounter: 42\n"), r::toString);
        assertEquals("version=8 text=from Java counter=50\n", c.run(name, "r"));
    }

    @Test
    void exercise4PassesItemsBothWaysWithC() throws Exception {
        String name = names.object("ring");
        Exercise4.semaphoreNames(name).forEach(names::semaphore);
        CProgram c = CProgram.compile(dir, "ring", RING_C, "-DMAX_ELEMENTS_PLUS_ONE=4");
        Shmlab.Result put = Shmlab.withInput("pfrom Java\npsecond\n", "ex4", "--backend=native", "--name=" + name, "--capacity=3");
        assertEquals(0, put.status(), put::toString);
        assertEquals("from Java\n", c.run(name, "g"));
        c.run(name, "p", "from C");
        Shmlab.Result get = Shmlab.withInput("g\ng\n", "ex4", "--backend=native", "--name=" + name, "--capacity=3");
        assertEquals(0, get.status(), get::toString);
        assertTrue(get.out().contains("> second\n> from C\n"), get::toString);
    }

    @Test
    void exercise3PostWakesTheWaiter() throws Exception {
        String name = names.semaphore(HostNames.unique("ex3"));
        CompletableFuture<Shmlab.Result> waiter = CompletableFuture.supplyAsync(
                () -> Shmlab.run("ex3", "wait", "--backend=native", "--name=" + name));
        String listed = ShmNamespace.semaphoreFile(name);
        while (!names.machine().listShm().contains(listed) && !waiter.isDone()) {
            Thread.onSpinWait();
        }
        Shmlab.Result post = Shmlab.run("ex3", "post", "--backend=native", "--name=" + name);
        assertEquals(0, post.status(), post::toString);
        Shmlab.Result waited = waiter.get(30, TimeUnit.SECONDS);
        assertEquals(0, waited.status(), waited::toString);
        assertTrue(waited.out().contains("woken up"), waited::toString);
        assertTrue(!names.machine().listShm().contains(listed), "the waiter removes the name");
    }

    @Test
    void exercise3PostWithoutAWaiterIsOneLine() {
        String name = names.semaphore(HostNames.unique("none"));
        Shmlab.Result r = Shmlab.run("ex3", "post", "--backend=native", "--name=" + name);
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("sem_open(\"" + name + "\"): ENOENT"), r::toString);
    }

    /**
     * Exercise 5's lost wakeup on real processes, made certain rather than likely: this test plays the
     * creator that is slow to run sem_init. It creates the object; a real child process (the seed's
     * program, through {@code shmlab run}) finds it and waits on the zeroed sem_t; once glibc shows
     * the child registered as a waiter, this test runs sem_init over it, then its own wait and post.
     * The post wakes no one: the command must report the child blocked forever in sem_wait at its
     * timeout, and exit non-zero.
     */
    @Test
    void exercise5sLostWakeupOnRealProcessesIsDetectedAndReported() throws Exception {
        String name = names.object("ex5");
        OpenFile fd = names.os().shmOpen(name, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600);
        names.os().ftruncate(fd, SemDataLayout.SIZE);
        Mapping data = names.os().mmap(SemDataLayout.SIZE, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        CompletableFuture<Shmlab.Result> run = CompletableFuture.supplyAsync(() -> Shmlab.run(
                "run", "ex5", "--backend=native", "--procs=1", "--name=" + name, "--timeout=8s"));
        // the waiter must be asleep in the kernel before sem_init stores the value, or the futex wait
        // sees the value change and returns: the lost wakeup needs a sleeper that only a wake reaches
        long value = SemDataLayout.SEM_OFFSET + SemT.VALUE_OFFSET;
        while (!FutexSleeper.sleepsOn(name, value)) {
            assertFalse(run.isDone(), () -> "the run ended before its sem_wait slept: " + run.join());
            Thread.sleep(1);
        }
        var sem = names.os().semInit(data, SemDataLayout.SEM_OFFSET, true, 1);
        names.os().semWait(sem);
        names.os().semPost(sem);
        Shmlab.Result r = run.get(60, TimeUnit.SECONDS);
        names.os().munmap(data);
        names.os().close(fd);
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("note: " + name + " already exists"), r::toString);
        assertTrue(r.out().contains("A (pid "), r::toString);
        assertTrue(r.out().contains("blocked forever in sem_wait"), r::toString);
        assertTrue(r.out().contains("DEADLOCK: 1 of 1 process(es) blocked forever"), r::toString);
        assertTrue(names.machine().listShm().contains(name.substring(1)), "a name that existed before the run is left alone");
    }

    @Test
    void exercise5WithADelayedInitRunsCleanAloneOnRealProcesses() {
        String name = names.object("ex5d");
        Shmlab.Result r = Shmlab.run("ex5", "--backend=native", "--procs=1", "--name=" + name, "--delay-init=50ms");
        assertEquals(ExitCodes.OK, r.status(), r::toString);
        assertTrue(r.out().contains("I'm alone here!"), r::toString);
        assertTrue(!names.machine().listShm().contains(name.substring(1)), "the run removes the object it created");
    }

    @Test
    void exercise1PastTheObjectOnTheRealKernelIsSigbusNotACrash() {
        String name = names.object("ex1bus");
        Shmlab.Result r = Shmlab.withInput("c 100\nc 8192\nq\n", "ex1", "--backend=native", "--name=" + name, "--map-size=1048576");
        assertEquals(128 + 7, r.status(), r::toString);
        assertTrue(r.out().contains("byte at data + 100: 0\n"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("shmlab: killed by SIGBUS: "), r::toString);
    }

    @Test
    void exercise1WriteThroughAReadOnlyMappingOnTheRealKernelIsSigsegv() {
        String name = names.object("ex1ro");
        Shmlab.Result r = Shmlab.withInput("w hello\n", "ex1", "--backend=native", "--name=" + name, "--read-only");
        assertEquals(128 + 11, r.status(), r::toString);
        assertTrue(r.err().startsWith("shmlab: killed by SIGSEGV: ") && r.err().contains("PROT_READ"), r::toString);
    }

    @Test
    void exercise3JavaWaiterIsWokenByACPoster() throws Exception {
        CProgram poster = CProgram.compile(dir, "post", """
                #include <fcntl.h>
                #include <semaphore.h>
                #include <stdio.h>
                int main(int argc, char **argv) {
                  sem_t *s = sem_open(argv[1], 0);
                  if (s == SEM_FAILED) { perror("sem_open"); return 1; }
                  if (sem_post(s) == -1) { perror("sem_post"); return 1; }
                  sem_close(s);
                  printf("C posted\\n");
                  return 0;
                }
                """);
        String name = names.semaphore(HostNames.unique("ex3c"));
        CompletableFuture<Shmlab.Result> waiter = CompletableFuture.supplyAsync(
                () -> Shmlab.run("ex3", "wait", "--backend=native", "--name=" + name));
        String listed = ShmNamespace.semaphoreFile(name);
        while (!names.machine().listShm().contains(listed) && !waiter.isDone()) {
            Thread.onSpinWait();
        }
        assertEquals("C posted\n", poster.run(name));
        Shmlab.Result waited = waiter.get(30, TimeUnit.SECONDS);
        assertEquals(0, waited.status(), waited::toString);
        assertTrue(waited.out().contains("woken up: " + name + " was posted"), waited::toString);
    }
}
