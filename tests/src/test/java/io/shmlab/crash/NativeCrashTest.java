package io.shmlab.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.shmlab.api.Ending;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.api.Signal;
import io.shmlab.stress.RingFixture;
import io.shmlab.support.NativeHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real child process holding the ring's mutex is killed with SIGKILL, and nothing committed is lost.
 *
 * <p>Four child JVMs run {@link RingWorker} on Exercise 4's ring (two producers, two consumers). One of
 * them is told to stop for good inside its critical section after 500 items, before it touches the
 * ring or just after its put or get moved the ring's index; it says so on the board.
 * The test (the supervisor) then checks it holds the mutex (the flag, the board's holder and the
 * mutex's value 0), kills it with SIGKILL and waits until it is gone, waits until every survivor has
 * noticed through its timed waits, and runs {@link RingRepair}. The run must then finish: the victim
 * killed by SIGKILL, the others exit 0, and every committed item arrived exactly once.
 */
class NativeCrashTest {
    private static final Logger LOG = LoggerFactory.getLogger(NativeCrashTest.class);
    private static final int PRODUCERS = 2;
    private static final int CONSUMERS = 2;
    private static final int HOLD_AFTER = 500;
    private static final Duration LONG_ENOUGH = Duration.ofMinutes(2);

    private Machine machine;
    private Os os;
    private RingFixture fixture;
    private ExecutorService runner;

    @BeforeEach
    void boot() {
        machine = NativeHost.bootOrSkip();
        os = machine.spawn();
        runner = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (runner != null) {
            runner.shutdownNow();
            runner.awaitTermination(1, TimeUnit.MINUTES);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest(name = "worker {0} killed holding the mutex, stage {1}")
    @CsvSource({"0, 0", "0, 1", "2, 0", "2, 1"})
    void killingTheMutexHolderLosesNoCommittedItem(int victim, int stage) throws Exception {
        CrashSettings settings = new CrashSettings(RingFixture.uniqueName("crash"), PRODUCERS, CONSUMERS, 3000, 10,
                Duration.ofMillis(20), HOLD_AFTER, victim, stage);
        boolean producer = settings.isProducer(victim);
        boolean after = stage == CrashSettings.AFTER_THE_RING_CHANGED;
        fixture = RingFixture.create(os, settings.name(), settings.ring(), settings.ledger().size());
        fixture.addObject(settings.boardName(), settings.board().size());
        RingView view = RingView.open(os, settings);
        try {
            List<String> args = new ArrayList<>(settings.toArgs());
            args.add("-");
            Future<RunReport> run = runner.submit(() -> machine.run(
                    ProgramSpec.of(RingWorker.class, args.toArray(String[]::new)),
                    RunOptions.of(settings.workers()).withTimeout(LONG_ENOUGH)));

            awaitOrFail(() -> view.board().getInt(RecoveryBoardLayout.HOLDING_OFFSET) != 0 || run.isDone(),
                    "the victim to hold the mutex");
            int pid = view.board().getInt(RecoveryBoardLayout.HOLDING_OFFSET);
            assertTrue(pid != 0, () -> "the run ended before the victim held the mutex: " + result(run));
            assertEquals(pid, view.board().getInt(view.worker(victim, RecoveryBoardLayout.PID)));
            assertEquals(pid, view.board().getInt(RecoveryBoardLayout.HOLDER_OFFSET), "the board's mutex holder");
            assertEquals(0, os.semGetvalue(view.mutex()), "the mutex's value while the victim holds it");
            ProcessHandle victimProcess = ProcessHandle.current().children().filter(c -> c.pid() == pid).findFirst()
                    .orElseThrow(() -> new AssertionError("pid " + pid + " is not a child of this JVM"));

            assertTrue(victimProcess.destroyForcibly(), "SIGKILL sent");
            victimProcess.onExit().get(1, TimeUnit.MINUTES);
            awaitOrFail(() -> everySurvivorNoticed(view, victim), "every survivor to notice through a timed wait");
            RingRepair.Report repair = RingRepair.afterDeath(os, view, victim);

            RunReport report = run.get(LONG_ENOUGH.toMinutes(), TimeUnit.MINUTES);
            CrashAudit audit = CrashAudit.of(view);
            LOG.info("native crash, worker {} (pid {}) killed holding the mutex: {}; {}", victim, pid, repair, audit);
            assertTrue(repair.mutexWasHeld(), repair::toString);
            assertFalse(report.blocked(), report::toString);
            boolean stallReported = false;
            for (ProcessOutcome p : report.processes()) {
                if (p.pid() == pid) {
                    assertEquals(new Ending.Killed(Signal.SIGKILL, null), p.ending(), p.toString());
                } else {
                    assertEquals(new Ending.Exited(0), p.ending(), p.toString());
                    assertTrue(p.output().matches("(?s).*timed waits that timed out [1-9].*"),
                            () -> "a survivor that did not notice: " + p);
                    stallReported |= p.output().contains("the mutex timed out; holder pid " + pid);
                }
            }
            assertTrue(stallReported, () -> "no survivor reported the dead holder of the mutex: " + report);
            assertTrue(audit.holds(), audit::toString);
            long committed = producer ? (long) settings.perProducer() * (PRODUCERS - 1) + HOLD_AFTER
                    : (long) settings.perProducer() * PRODUCERS;
            assertEquals(committed, audit.committed(), audit::toString);
            // a producer killed after advancing last: its item is in the ring, and the recount delivers it
            assertEquals(producer && after ? 1 : 0, audit.uncommittedArrived(), audit::toString);
            // a consumer killed between its get and its receipt: the repair delivers the item it took
            assertEquals(!producer && after, repair.adoptedItem(), repair::toString);
        } finally {
            view.close(os);
        }
    }

    /** Every survivor still at work has had a timed wait time out, and someone's on the mutex. */
    private static boolean everySurvivorNoticed(RingView view, int victim) {
        boolean mutex = false;
        for (int w = 0; w < view.settings().workers(); w++) {
            if (w == victim || view.board().getInt(view.worker(w, RecoveryBoardLayout.STATE)) == RecoveryBoardLayout.DONE) {
                continue;
            }
            if (view.board().getInt(view.worker(w, RecoveryBoardLayout.TIMEOUTS)) == 0) {
                return false;
            }
            mutex |= view.board().getInt(view.worker(w, RecoveryBoardLayout.MUTEX_TIMEOUTS)) > 0;
        }
        return mutex;
    }

    private static void awaitOrFail(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LONG_ENOUGH.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what + " after " + LONG_ENOUGH);
            }
            Thread.sleep(5);
        }
    }

    private static String result(Future<RunReport> run) {
        try {
            return String.valueOf(run.get(0, TimeUnit.SECONDS));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
