package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.api.Backend;
import io.shmlab.api.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C programs compiled here, under shmlab's scheduler on real processes: {@code trace}, {@code explore}
 * and {@code replay} with {@code --exec}. Every name is tagged with this JVM's pid, and nothing is left
 * in /dev/shm.
 */
class ExecCommandsTest {
    private static final Pattern TOKEN = Pattern.compile("failing schedule \\(shortest\\): (\\S+)");

    /** The course's Exercise 5, completed with the sem_wait, printf, sleep and sem_post its text implies. */
    static final String EX5 = """
            #include <fcntl.h>
            #include <semaphore.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <sys/mman.h>
            #include <unistd.h>
            struct data {
              sem_t sem;
            } *data;
            int main() {
              int fd = shm_open(NAME, O_RDWR | O_CREAT | O_EXCL, 0666);
              char createSucceeded = (fd != -1);
              if (fd == -1) fd = shm_open(NAME, O_RDWR, 0666);
              if (fd == -1) { perror("shm_open"); exit(1); }
              ftruncate(fd, sizeof(struct data));
              data = mmap(NULL, sizeof(struct data), PROT_WRITE | PROT_READ, MAP_SHARED, fd, 0);
              if (createSucceeded)
                sem_init(&data->sem, 1, 1);
              sem_wait(&data->sem);
              printf("I'm alone here!\\n");
              sleep(1);
              sem_post(&data->sem);
              return 0;
            }
            """;

    /** The same, fixed: the semaphore is created with its value by sem_open(O_CREAT, 1). */
    static final String EX5_FIXED = """
            #include <fcntl.h>
            #include <semaphore.h>
            #include <stdio.h>
            #include <unistd.h>
            int main() {
              sem_t *sem = sem_open(NAME, O_CREAT, 0666, 1);
              sem_wait(sem);
              printf("I'm alone here!\\n");
              sleep(1);
              sem_post(sem);
              sem_close(sem);
              return 0;
            }
            """;

    /**
     * Exercise 4's ring buffer with named semaphores: process {i} below 2 puts one item, the others get
     * one; the last consumer checks that every item arrived exactly once. LOST_MUTEX drops the
     * producers' mutex wait (the printf in put is a scheduling point inside the critical section).
     */
    static final String RING = """
            #include <fcntl.h>
            #include <semaphore.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/mman.h>
            #include <unistd.h>
            #define MAX_ELEMENTS_PLUS_ONE 3
            typedef char item_t[256];
            struct ring_buffer {
              item_t data[MAX_ELEMENTS_PLUS_ONE];
              size_t first;
              size_t last;
              int received[2];
              int consumersDone;
            };
            void put(struct ring_buffer *buffer, const item_t *item) {
              size_t slot = buffer->last;
              printf("put %s in slot %zu\\n", *item, slot);
              memcpy(&buffer->data[slot], item, sizeof(*item));
              buffer->last = (slot + 1) % MAX_ELEMENTS_PLUS_ONE;
            }
            void get(struct ring_buffer *buffer, item_t *item) {
              memcpy(item, &buffer->data[buffer->first], sizeof(*item));
              buffer->first = (buffer->first + 1) % MAX_ELEMENTS_PLUS_ONE;
            }
            int main(int argc, char **argv) {
              int me = argc > 1 ? atoi(argv[1]) : 0;
              sem_t *empty = sem_open(NAME "-empty", O_CREAT, 0600, MAX_ELEMENTS_PLUS_ONE - 1);
              sem_t *full = sem_open(NAME "-full", O_CREAT, 0600, 0);
              sem_t *mutex = sem_open(NAME "-mutex", O_CREAT, 0600, 1);
              int fd = shm_open(NAME, O_RDWR | O_CREAT, 0600);
              ftruncate(fd, sizeof(struct ring_buffer));
              struct ring_buffer *ring = mmap(NULL, sizeof(struct ring_buffer), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
              item_t item = {0};
              if (me < 2) {
                snprintf(item, sizeof item, "item-%d", me);
                sem_wait(empty);
            #ifndef LOST_MUTEX
                sem_wait(mutex);
            #endif
                put(ring, &item);
                sem_post(mutex);
                sem_post(full);
                return 0;
              }
              sem_wait(full);
              sem_wait(mutex);
              get(ring, &item);
              sem_post(mutex);
              sem_post(empty);
              int from = -1;
              if (sscanf(item, "item-%d", &from) != 1 || from < 0 || from > 1) {
                printf("got '%s': not an item that was put\\n", item);
                return 1;
              }
              __atomic_fetch_add(&ring->received[from], 1, __ATOMIC_SEQ_CST);
              if (__atomic_add_fetch(&ring->consumersDone, 1, __ATOMIC_SEQ_CST) == 2) {
                for (int p = 0; p < 2; p++) {
                  if (ring->received[p] != 1) {
                    printf("item-%d arrived %d times\\n", p, ring->received[p]);
                    return 1;
                  }
                }
              }
              return 0;
            }
            """;

    @TempDir
    Path dir;

    private final String tag = "shmlab-exec-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeEach
    void needsNativeAndGcc() {
        Backend backend = Backends.get("native");
        assumeTrue(backend.unavailableReason() == null, () -> "native backend: " + backend.unavailableReason());
    }

    @AfterEach
    void nothingLeft() throws IOException {
        assertEquals(List.of(), leftBy(ProcessHandle.current().pid()), "left in /dev/shm");
    }

    /** What is in /dev/shm of this test's names, or of the control blocks of the shmlab of pid {@code shmlab}. */
    private List<String> leftBy(long shmlab) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/dev/shm"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(tag) || n.startsWith("shmlab-exec-" + shmlab + "-")).toList();
        }
    }

    private String compile(String name, String source, String... flags) throws Exception {
        String[] all = new String[flags.length + 1];
        all[0] = "-DNAME=\"/" + tag + "\"";
        System.arraycopy(flags, 0, all, 1, flags.length);
        return CProgram.compile(dir, name, source, all).path().toString();
    }

    private static String token(Shmlab.Result r) {
        Matcher m = TOKEN.matcher(r.out());
        assertTrue(m.find(), r::toString);
        return m.group(1);
    }

    @Test
    void exploreFindsExerciseFivesHangAndItsTokenHangsTenTimesOfTen() throws Exception {
        String ex5 = compile("ex5", EX5);
        Shmlab.Result explored = Shmlab.run("explore", "--exec", ex5, "--procs=2", "--max-schedules=50");
        assertEquals(ExitCodes.FAILED, explored.status(), explored::toString);
        assertTrue(explored.out().contains("bounded: at most 2 preemption(s)"), explored::toString);
        assertTrue(explored.out().matches("(?s).*\\n  deadlock +[1-9].*"), explored::toString);
        String token = token(explored);
        assertTrue(explored.out().contains("see it: shmlab replay --exec " + ex5 + " " + token), explored::toString);
        for (int i = 0; i < 10; i++) {
            Shmlab.Result replayed = Shmlab.run("replay", "--exec", ex5, token);
            assertEquals(ExitCodes.FAILED, replayed.status(), replayed::toString);
            assertTrue(replayed.out().contains("DEADLOCK: 1 of 2 process(es) blocked forever"), replayed::toString);
            assertTrue(replayed.out().matches("(?s).*\\n[AB] \\(pid \\d+\\): blocked forever in sem_wait\\(0x[0-9a-f]+\\)\\n.*"),
                    replayed::toString);
            assertTrue(replayed.out().contains("~~ blocks"), replayed::toString);
        }
    }

    @Test
    void theSimulatorsTokenForcedOnTheLabsTwinHangsTenTimesOfTen() {
        String name = "/" + tag;
        Shmlab.Result explored = Shmlab.run("explore", "ex5", "--name=" + name);
        String token = token(explored);
        for (int i = 0; i < 10; i++) {
            Shmlab.Result forced = Shmlab.run("replay", "ex5", token, "--exec", "--name=" + name);
            assertEquals(ExitCodes.FAILED, forced.status(), forced::toString);
            assertTrue(forced.out().contains("DEADLOCK: 1 of 2 process(es) blocked forever"), forced::toString);
            assertTrue(forced.out().contains("the C program followed the schedule"), forced::toString);
            assertTrue(forced.out().matches("(?s).*\\nB \\(pid \\d+\\): blocked forever in sem_wait\\(0x[0-9a-f]+\\)\\n.*"),
                    forced::toString);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ex1", "ex2", "ex3", "ex4", "ex5", "ex5-fixed"})
    void everyLabsCTwinFollowsTheSimulatorsSchedulesCallForCall(String lab) {
        String name = "/" + tag;
        for (int seed = 1; seed <= 2; seed++) {
            Shmlab.Result ran = Shmlab.run("run", lab, "--procs=3", "--seed=" + seed, "--name=" + name);
            Matcher m = Pattern.compile("schedule: (\\S+)").matcher(ran.out());
            assertTrue(m.find(), ran::toString);
            Shmlab.Result forced = Shmlab.run("replay", lab, m.group(1), "--exec", "--name=" + name);
            assertTrue(forced.out().contains("the C program followed the schedule"), forced::toString);
            assertEquals(ran.status(), forced.status(), forced::toString);
        }
        Shmlab.Result labs = Shmlab.run("labs");
        assertTrue(labs.out().contains("labs/src/main/resources/io/shmlab/labs/c/" + lab + ".c"), labs::toString);
    }

    @Test
    void aBinaryThatIsNotTheLabsProgramIsStoppedAtTheFirstDivergence() throws Exception {
        String name = "/" + tag;
        String fixed = compile("fixed", EX5_FIXED);
        String token = token(Shmlab.run("explore", "ex5", "--name=" + name));
        Shmlab.Result forced = Shmlab.run("replay", "ex5", token, "--exec", fixed, "--name=" + name);
        assertEquals(ExitCodes.FAILED, forced.status(), forced::toString);
        assertTrue(forced.out().contains("the C program left the schedule: at turn 0 process A was to call shm_open,"
                + " and calls sem_open instead"), forced::toString);
    }

    @Test
    void theFixedExerciseFiveExploresWithNoFailingSchedule() throws Exception {
        String fixed = compile("fixed", EX5_FIXED);
        Shmlab.Result explored = Shmlab.run("explore", "--exec", fixed, "--procs=2");
        assertEquals(ExitCodes.OK, explored.status(), explored::toString);
        assertTrue(explored.out().contains("schedules run (bounded: every schedule with at most 2 preemption(s))"), explored::toString);
        assertTrue(explored.out().contains("no failing schedule found"), explored::toString);
    }

    @Test
    void theRingWithTwoProducersAndTwoConsumersExploresClean() throws Exception {
        String ring = compile("ring", RING);
        Shmlab.Result explored = Shmlab.run("explore", "--exec", ring, "--procs=4", "--preemptions=1", "--", "{i}");
        assertEquals(ExitCodes.OK, explored.status(), explored::toString);
        assertTrue(explored.out().contains("(bounded: every schedule with at most 1 preemption(s))"), explored::toString);
        assertTrue(explored.out().contains("no failing schedule found"), explored::toString);
    }

    @Test
    void theRingWithoutItsMutexWaitLosesAnItem() throws Exception {
        String ring = compile("ring", RING, "-DLOST_MUTEX");
        Shmlab.Result explored = Shmlab.run("explore", "--exec", ring, "--procs=4", "--preemptions=1", "--stop-at-first",
                "--", "{i}");
        assertEquals(ExitCodes.FAILED, explored.status(), explored::toString);
        assertTrue(explored.out().contains("failed assertion  1"), explored::toString);
        String token = token(explored);
        Shmlab.Result replayed = Shmlab.run("replay", "--exec", ring, token, "--", "{i}");
        assertEquals(ExitCodes.FAILED, replayed.status(), replayed::toString);
        assertTrue(replayed.out().contains("exited with status 1"), replayed::toString);
        assertTrue(replayed.out().matches("(?s).*(not an item that was put|arrived [02] times).*"), replayed::toString);
    }

    @Test
    void traceDrawsEachProcessWithItsIndexAndItsInput() throws Exception {
        String echo = compile("echo", """
                #include <stdio.h>
                #include <unistd.h>
                int main(int argc, char **argv) {
                  char line[64] = {0};
                  if (fgets(line, sizeof line, stdin) == NULL) return 2;
                  printf("%s read %s", argv[1], line);
                  usleep(1000);
                  return 0;
                }
                """);
        Files.writeString(dir.resolve("in0.txt"), "zero\n");
        Files.writeString(dir.resolve("in1.txt"), "one\n");
        Shmlab.Result traced = Shmlab.run("trace", "--exec", echo, "--procs=2", "--stdin-each=" + dir.resolve("in{i}.txt"),
                "--", "process{i}");
        assertEquals(ExitCodes.OK, traced.status(), traced::toString);
        assertTrue(traced.out().contains("    | process0 read zero"), traced::toString);
        assertTrue(traced.out().contains("    | process1 read one"), traced::toString);
        assertTrue(traced.out().contains("write(1, \"process0 read zero\\n\", 19) = 19"), traced::toString);
        assertTrue(traced.out().contains("nanosleep(0.001000000s) ~~ blocks"), traced::toString);
        assertTrue(traced.out().contains("ok: all 2 process(es) exited with status 0"), traced::toString);
        assertTrue(traced.out().contains("replay it: shmlab replay --exec " + echo), traced::toString);
    }

    @Test
    void traceReportsARealSigbus() throws Exception {
        String faulty = compile("faulty", """
                #include <fcntl.h>
                #include <sys/mman.h>
                #include <unistd.h>
                int main(int argc, char **argv) {
                  int fd = shm_open(NAME, O_RDWR | O_CREAT, 0600);
                  char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                  if (argv[1][0] == '0') p[0] = 1;
                  return 0;
                }
                """);
        Shmlab.Result traced = Shmlab.run("trace", "--exec", faulty, "--procs=2", "--", "{i}");
        assertEquals(ExitCodes.FAILED, traced.status(), traced::toString);
        assertTrue(traced.out().matches("(?s).*\\nA \\(pid \\d+\\): killed by SIGBUS: after mmap\\(NULL, 8192, .*"), traced::toString);
        assertTrue(traced.out().matches("(?s).*\\nB \\(pid \\d+\\): exited with status 0\\n.*"), traced::toString);
        assertTrue(traced.out().contains("! warning, A: killed by SIGBUS"), traced::toString);
    }

    @Test
    void aProcessThatMakesNoCallIsReportedAsSpinningAfterTheTimeout() throws Exception {
        String spinning = compile("spinning", """
                #include <fcntl.h>
                #include <sys/mman.h>
                int main(void) {
                  int fd = shm_open(NAME, O_RDWR | O_CREAT, 0600);
                  for (;;) { }
                }
                """);
        Shmlab.Result traced = Shmlab.run("trace", "--exec", spinning, "--procs=1", "--timeout=1s");
        assertEquals(ExitCodes.FAILED, traced.status(), traced::toString);
        assertTrue(traced.out().contains("stopped: process A made no call shmlab orders for 1 s (a spin loop?) after shm_open("),
                traced::toString);
        assertTrue(traced.out().contains("TIMEOUT: no progress for 1 s"), traced::toString);
    }

    @Test
    void aStaticBinaryIsRefusedInOneLine() throws Exception {
        String fixed;
        try {
            fixed = compile("static", EX5_FIXED, "-static");
        } catch (IllegalStateException e) {
            assumeTrue(false, "no static glibc here: " + e.getMessage());
            return;
        }
        Shmlab.Result r = Shmlab.run("trace", "--exec", fixed);
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertEquals("shmlab: " + fixed + " is statically linked: LD_PRELOAD cannot reach its calls; build it without -static\n",
                r.err());
    }

    @Test
    void aPerAccessTokenIsRefusedInOneLine() throws Exception {
        String fixed = compile("fixed", EX5_FIXED);
        String name = "/" + tag;
        String token = token(Shmlab.run("explore", "ex1", "--name=" + name, "--stop-at-first"));
        Shmlab.Result r = Shmlab.run("replay", "ex1", token, "--exec", fixed, "--name=" + name);
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(r.err().startsWith("shmlab: cannot force "), r::toString);
        assertTrue(r.err().contains("single memory accesses"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void ctrlCInTheMiddleOfARunLeavesNothingBehind() throws Exception {
        String sleeper = compile("sleeper", """
                #include <fcntl.h>
                #include <semaphore.h>
                #include <sys/mman.h>
                #include <unistd.h>
                int main() {
                  int fd = shm_open(NAME, O_RDWR | O_CREAT, 0600);
                  ftruncate(fd, 4096);
                  sem_t *sem = sem_open(NAME "-sem", O_CREAT, 0600, 0);
                  sleep(30);
                  sem_post(sem);
                  return 0;
                }
                """);
        List<String> command = Shmlab.inItsOwnJvm(Shmlab.signalAt(TestHook.MID_RUN, "INT"),
                List.of("trace", "--exec", sleeper, "--procs=2", "--real-time"));
        Process shmlab = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(shmlab.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(shmlab.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), said);
        assertEquals(ExitCodes.INTERRUPTED, shmlab.exitValue(), said);
        assertTrue(said.contains("shmlab: interrupted"), said);
        assertEquals(List.of(), leftBy(shmlab.pid()), said);
    }

    /**
     * Ctrl-C during {@code explore --exec}, as the second run sleeps: the run in progress is stopped and
     * not counted, the first schedule's count is printed as the simulator's explore prints an interrupted
     * search (with its failing token, when it failed), the status is 130, nothing is left.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "the first schedule exits {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1})
    void ctrlCDuringAnExplorationPrintsTheCountsSoFarAndLeavesNothingBehind(int firstStatus) throws Exception {
        String program = compile("second-sleeps", """
                #include <fcntl.h>
                #include <semaphore.h>
                #include <stdlib.h>
                #include <sys/mman.h>
                #include <unistd.h>
                int main(int argc, char **argv) {
                  int marker = open(argv[1], O_CREAT | O_EXCL | O_WRONLY, 0600);
                  if (marker != -1) {
                    close(marker);
                    return atoi(argv[2]);
                  }
                  int fd = shm_open(NAME, O_RDWR | O_CREAT, 0600);
                  ftruncate(fd, 4096);
                  sem_t *sem = sem_open(NAME "-sem", O_CREAT, 0600, 0);
                  sleep(30);
                  sem_post(sem);
                  return 0;
                }
                """);
        List<String> command = Shmlab.inItsOwnJvm(Shmlab.signalAt(TestHook.SCHEDULE_COUNTED, "INT"),
                List.of("explore", "--exec", program, "--procs=2", "--real-time", "--", dir.resolve("first-{i}").toString(),
                        Integer.toString(firstStatus)));
        long start = System.nanoTime();
        Process shmlab = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile()).start();
        String out = new String(shmlab.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(shmlab.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), out);
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        String said = out + "--- err\n" + Files.readString(dir.resolve("err.txt"));
        assertEquals(ExitCodes.INTERRUPTED, shmlab.exitValue(), said);
        assertTrue(seconds < 25, "the sleeping run was waited for: " + seconds + " s\n" + said);
        assertTrue(said.contains("\n1 schedules run (interrupted: the counts so far; not a verdict)\n"), said);
        if (firstStatus == 0) {
            assertTrue(out.contains("\n  clean             1\n"
                    + "no failing schedule found in the 1 schedules run (the search was cut short: not a verdict)\n"), said);
        } else {
            assertTrue(out.contains("\n  failed assertion  1\nfailing schedule (shortest): "), said);
            assertTrue(out.contains("see it: shmlab replay --exec " + program + " " + token(new Shmlab.Result(130, out, ""))), said);
        }
        assertTrue(said.contains("shmlab: interrupted"), said);
        assertFalse(said.contains("could not be started"), said);
        assertEquals(List.of(), leftBy(shmlab.pid()), said);
    }

    @Test
    void aTokenOfAnotherBinaryIsRefused() throws Exception {
        String ex5 = compile("ex5", EX5);
        String fixed = compile("fixed", EX5_FIXED);
        String token = token(Shmlab.run("explore", "--exec", ex5, "--procs=2", "--stop-at-first"));
        Shmlab.Result r = Shmlab.run("replay", "--exec", fixed, token);
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("the token was found for ex5, not fixed"), r::toString);
    }
}
