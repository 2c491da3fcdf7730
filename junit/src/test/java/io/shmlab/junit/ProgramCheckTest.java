package io.shmlab.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.counter.ClockNamed;
import com.example.counter.LockedCounter;
import com.example.counter.RacyCounter;
import com.example.counter.StaticCounter;
import com.example.counter.UncheckedCounter;
import io.shmlab.api.CheckVerdict;
import io.shmlab.check.CheckReport;
import io.shmlab.check.ProgramCheck;
import io.shmlab.check.ReplayReport;
import io.shmlab.sim.program.ProgramClasses;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.StrategyKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library facade on the programs a user writes: races found, tokens replayed, statics per process. */
class ProgramCheckTest {

    @Test
    void aLostUpdateIsFoundAtPerAccessGranularityAndItsTokenReplaysTheSameTimeline() {
        CheckReport report = ProgramCheck.of(RacyCounter.class).perAccess(true).explore();
        assertTrue(report.failed(), report::summary);
        assertTrue(report.count(Outcome.FAILED_ASSERTION) > 0, report::summary);
        assertTrue(report.count(Outcome.CLEAN) > 0, report::summary);
        assertTrue(report.timeline().contains("lost update: counter is 1") || report.shortest().toString()
                .contains("lost update: counter is 1"), report::failureMessage);
        ReplayReport again = ProgramCheck.of(RacyCounter.class).replay(report.shortestFailing());
        assertEquals(report.timeline(), again.timeline());
        assertEquals(Outcome.FAILED_ASSERTION, again.outcome());
    }

    @Test
    void theMessageHasTheOutcomeTheTokenTheTimelineAndTheReplayCommand() {
        CheckReport report = ProgramCheck.of(RacyCounter.class).perAccess(true).explore();
        String message = report.failureMessage();
        assertTrue(message.contains("failing schedule (shortest): failed assertion"), message);
        assertTrue(message.contains("token: " + report.shortestFailing()), message);
        assertTrue(message.contains("replay it: shmlab replay --class com.example.counter.RacyCounter --classpath "),
                message);
        assertTrue(message.contains(report.timeline()), message);
    }

    @Test
    void atSystemCallGranularityTheRaceIsNotSeen() {
        assertFalse(ProgramCheck.of(RacyCounter.class).explore().failed());
    }

    @Test
    void aSemaphoreAroundTheIncrementExploresClean() {
        CheckReport report = ProgramCheck.of(LockedCounter.class).perAccess(true).explore();
        assertFalse(report.failed(), report::failureMessage);
        assertTrue(report.complete(), report::summary);
        assertNull(report.shortestFailing());
    }

    @Test
    void aStaticCounterIncrementedByTwoProcessesReadsOneInEach() {
        CheckReport report = ProgramCheck.of(StaticCounter.class).processes(2).explore();
        assertFalse(report.failed(), report::failureMessage);
        for (StrategyKind kind : StrategyKind.values()) {
            assertFalse(ProgramCheck.of(StaticCounter.class).processes(3).strategy(kind).maxSchedules(50).explore()
                    .failed(), kind::toString);
        }
    }

    @Test
    void theProgramsOwnFinalCheckFailsASchedule() {
        CheckReport report = ProgramCheck.of(UncheckedCounter.class).perAccess(true).explore();
        assertTrue(report.count(Outcome.FAILED_CHECK) > 0, report::summary);
        assertEquals(0, report.count(Outcome.FAILED_ASSERTION), report::summary);
        ReplayReport shortest = report.shortest();
        assertEquals(CheckVerdict.fail("the counter is 1 after 2 increments"), shortest.report().check());
        assertTrue(report.failureMessage().contains("failed check (the counter is 1 after 2 increments)"),
                report::failureMessage);
    }

    @Test
    void aGivenFinalCheckReplacesTheProgramsOwn() {
        CheckReport report = ProgramCheck.of(UncheckedCounter.class).perAccess(true).finalCheck(os -> { }).explore();
        assertFalse(report.failed(), report::failureMessage);
    }

    @Test
    void aTokenOfAnotherProgramIsRefusedSayingSo() {
        String token = ProgramCheck.of(RacyCounter.class).perAccess(true).explore().shortestFailing();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgramCheck.of(LockedCounter.class).replay(token));
        assertTrue(e.getMessage().contains("found for com.example.counter.RacyCounter, not for com.example.counter.LockedCounter"),
                e::getMessage);
    }

    @Test
    void aProgramThatReadsTheClockIsRefusedAtTheFirstDifference() {
        ProgramCheck check = ProgramCheck.of(ClockNamed.class).processes(1).finalCheck(os -> {
            throw new AssertionError("every schedule fails, so that the exploration replays one");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, check::explore);
        assertTrue(e.getMessage().startsWith("the replay diverged: at scheduling point 2 process A was to call"
                + " shm_open(\"/t"), e::getMessage);
    }

    @Test
    void onlyAProgramWithMutableStaticStateGetsClassesPerProcess() {
        ProgramClasses statics = ProgramClasses.of(StaticCounter.class, List.of());
        assertTrue(statics.perProcess());
        assertEquals("com.example.counter.StaticCounter.runs", statics.mutableStatic());
        ProgramClasses none = ProgramClasses.of(LockedCounter.class, List.of());
        assertFalse(none.perProcess());
        assertNull(none.mutableStatic());
    }
}
