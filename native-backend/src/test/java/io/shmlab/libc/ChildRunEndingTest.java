package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.api.Ending;
import io.shmlab.api.ProcessLabel;
import io.shmlab.api.Signal;
import io.shmlab.libc.ChildRun.StopReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a child's report lines and exit status become its {@link Ending}. */
class ChildRunEndingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void anExitReportGivesTheStatus() {
        assertEquals(new Ending.Exited(3), ChildRun.ending(List.of(ChildReport.exit(3)), 3, StopReason.NONE, TIMEOUT));
    }

    @Test
    void aFaultReportGivesKilledBySignalWithTheDetail() {
        String line = ChildReport.fault(Signal.SIGBUS, "SIGBUS at 0x10 (offset 0x0 in the mapping): read of a page\npast the end");
        assertEquals(new Ending.Killed(Signal.SIGBUS, "SIGBUS at 0x10 (offset 0x0 in the mapping): read of a page past the end"),
                ChildRun.ending(List.of(line), 135, StopReason.NONE, TIMEOUT));
    }

    @Test
    void aStopAtAHangInACallGivesBlockedInThatCall() {
        assertEquals(new Ending.Blocked("sem_wait"),
                ChildRun.ending(List.of(ChildReport.stopped("sem_wait")), 143, StopReason.HANG, TIMEOUT));
    }

    @Test
    void aStopForWantOfProgressIsStalledNotBlocked() {
        Ending ending = ChildRun.ending(List.of(ChildReport.waitsOn("/myData's semaphore"), ChildReport.stopped("sem_wait(0x7f00)")), 143,
                StopReason.NO_PROGRESS, TIMEOUT);
        assertEquals(new Ending.Stalled("sem_wait(0x7f00)", "/myData's semaphore", TIMEOUT), ending);
        assertEquals("stopped after no progress for 10 s, in sem_wait(0x7f00) on /myData's semaphore", ending.toString());
    }

    @Test
    void aStopFromOutsideTheRunIsKilledBySigterm() {
        Ending ending = ChildRun.ending(List.of(ChildReport.stopped("sem_wait")), 143, StopReason.NONE, TIMEOUT);
        assertEquals(Signal.SIGTERM, ((Ending.Killed) ending).signal());
    }

    @Test
    void aCallWithSpacesInItsArgumentsIsKeptWhole() {
        assertEquals(new Ending.Blocked("sem_wait(\"/a b\")"),
                ChildRun.ending(List.of(ChildReport.stopped("sem_wait(\"/a b\")")), 143, StopReason.TIMEOUT, TIMEOUT));
        assertEquals(new Ending.Blocked("nanosleep(1000 ns)"),
                ChildRun.ending(List.of(ChildReport.stopped("nanosleep(1000 ns)")), 143, StopReason.TIMEOUT, TIMEOUT));
    }

    @Test
    void aStopReportOutsideAnyCallGivesKilledBySigterm() {
        Ending ending = ChildRun.ending(List.of(ChildReport.stopped(null)), 143, StopReason.TIMEOUT, TIMEOUT);
        assertEquals(Signal.SIGTERM, ((Ending.Killed) ending).signal());
    }

    @Test
    void aChildThatNeverReportedAndWasKilledAtTheTimeoutIsKilledBySigkill() {
        Ending ending = ChildRun.ending(List.of(), 137, StopReason.TIMEOUT, TIMEOUT);
        assertEquals(Signal.SIGKILL, ((Ending.Killed) ending).signal());
    }

    @Test
    void aChildThatDiedOfASignalWithoutReportingIsKilledByIt() {
        assertEquals(new Ending.Killed(Signal.SIGSEGV, null), ChildRun.ending(List.of(), 128 + 11, StopReason.NONE, TIMEOUT));
        assertEquals(new Ending.Exited(2), ChildRun.ending(List.of(), 2, StopReason.NONE, TIMEOUT));
    }

    @Test
    void threadAndProgressReportsSayNothingOfTheEnding() {
        assertEquals(new Ending.Exited(0), ChildRun.ending(List.of(ChildReport.thread(12), ChildReport.progress(3),
                ChildReport.exit(0)), 0, StopReason.NONE, TIMEOUT));
    }

    @Test
    void labelsRunFromAToZThenNumbered() {
        assertEquals("A", ProcessLabel.of(0));
        assertEquals("Z", ProcessLabel.of(25));
        assertEquals("P26", ProcessLabel.of(26));
    }
}
