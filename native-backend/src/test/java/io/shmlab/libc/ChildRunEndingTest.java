package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.api.Ending;
import io.shmlab.api.Signal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a child's report lines and exit status become its {@link Ending}. */
class ChildRunEndingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void anExitReportGivesTheStatus() {
        assertEquals(new Ending.Exited(3), ChildRun.ending(List.of(ChildReport.exit(3)), 3, false, TIMEOUT));
    }

    @Test
    void aFaultReportGivesKilledBySignalWithTheDetail() {
        String line = ChildReport.fault(Signal.SIGBUS, "SIGBUS at 0x10 (offset 0x0 in the mapping): read of a page\npast the end");
        assertEquals(new Ending.Killed(Signal.SIGBUS, "SIGBUS at 0x10 (offset 0x0 in the mapping): read of a page past the end"),
                ChildRun.ending(List.of(line), 135, false, TIMEOUT));
    }

    @Test
    void aStopReportInACallGivesBlockedInThatCall() {
        assertEquals(new Ending.Blocked("sem_wait"),
                ChildRun.ending(List.of(ChildReport.stopped("sem_wait")), 143, true, TIMEOUT));
    }

    @Test
    void aCallWithSpacesInItsArgumentsIsKeptWhole() {
        assertEquals(new Ending.Blocked("sem_wait(\"/a b\")"),
                ChildRun.ending(List.of(ChildReport.stopped("sem_wait(\"/a b\")")), 143, true, TIMEOUT));
        assertEquals(new Ending.Blocked("nanosleep(1000 ns)"),
                ChildRun.ending(List.of(ChildReport.stopped("nanosleep(1000 ns)")), 143, true, TIMEOUT));
    }

    @Test
    void aStopReportOutsideAnyCallGivesKilledBySigterm() {
        Ending ending = ChildRun.ending(List.of(ChildReport.stopped(null)), 143, true, TIMEOUT);
        assertEquals(Signal.SIGTERM, ((Ending.Killed) ending).signal());
    }

    @Test
    void aChildThatNeverReportedAndWasKilledAtTheTimeoutIsKilledBySigkill() {
        Ending ending = ChildRun.ending(List.of(), 137, true, TIMEOUT);
        assertEquals(Signal.SIGKILL, ((Ending.Killed) ending).signal());
    }

    @Test
    void aChildThatDiedOfASignalWithoutReportingIsKilledByIt() {
        assertEquals(new Ending.Killed(Signal.SIGSEGV, null), ChildRun.ending(List.of(), 128 + 11, false, TIMEOUT));
        assertEquals(new Ending.Exited(2), ChildRun.ending(List.of(), 2, false, TIMEOUT));
    }

    @Test
    void labelsRunFromAToZThenNumbered() {
        assertEquals("A", ChildRun.label(0));
        assertEquals("Z", ChildRun.label(25));
        assertEquals("P26", ChildRun.label(26));
    }
}
