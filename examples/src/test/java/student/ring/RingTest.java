package student.ring;

import static io.shmlab.junit.ShmlabAssertions.assertEverySchedulePasses;
import static io.shmlab.junit.ShmlabAssertions.assertSomeScheduleFails;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.check.CheckReport;
import io.shmlab.check.ProgramCheck;
import io.shmlab.junit.Expect;
import io.shmlab.junit.ShmlabTest;
import io.shmlab.sim.sched.StrategyKind;
import org.junit.jupiter.api.Test;

/**
 * The ring with two producers and two consumers, one item each: the correct one passes every schedule
 * tried, the one without a mutex loses an item. Its race is between plain loads and stores of
 * {@code last}, so the scheduler must switch at every memory access ({@code perAccess}).
 */
class RingTest {

    @ShmlabTest(program = Ring.class, args = {"2", "2", "1"}, processes = 4, perAccess = true, maxSchedules = 3_000)
    void everyItemArrivesExactlyOnce() {
    }

    @ShmlabTest(program = Ring.class, args = {"2", "1", "1"}, processes = 3)
    void everyScheduleAtSystemCallsWithinTwoPreemptionsPasses(CheckReport report) {
        assertTrue(report.complete(), report.summary());
    }

    @ShmlabTest(program = BrokenRing.class, args = {"2", "2", "1"}, processes = 4, perAccess = true,
            expect = Expect.FAIL)
    void withoutTheMutexTwoProducersOverwriteOneSlot(CheckReport report) {
        String message = report.failureMessage();
        assertTrue(message.contains("which nobody put") || message.contains("arrived 0 times"), message);
    }

    @Test
    void randomSchedulesOfTheCorrectRingPassToo() {
        assertEverySchedulePasses(ProgramCheck.of(Ring.class, "2", "2", "1").processes(4).perAccess(true)
                .strategy(StrategyKind.RANDOM).seed(42).maxSchedules(500));
    }

    @Test
    void pctFindsTheBrokenRingsRace() {
        assertSomeScheduleFails(ProgramCheck.of(BrokenRing.class, "2", "2", "1").processes(4).perAccess(true)
                .strategy(StrategyKind.PCT).maxSchedules(2_000));
    }
}
