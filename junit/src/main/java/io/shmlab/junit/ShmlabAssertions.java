package io.shmlab.junit;

import io.shmlab.check.CheckReport;
import io.shmlab.check.ProgramCheck;
import io.shmlab.check.ReplayReport;

/**
 * shmlab as plain assertions in a test: explore a {@link ProgramCheck} or replay a token of it, and
 * fail with the failing schedule's outcome, token, timeline and replay command.
 *
 * <pre>{@code
 * @Test
 * void theRingDeliversEveryItemOnce() {
 *     assertEverySchedulePasses(ProgramCheck.of(Ring.class, "2", "2").processes(4));
 * }
 * }</pre>
 */
public final class ShmlabAssertions {

    private ShmlabAssertions() {
    }

    /**
     * Explores the program and fails at a failing schedule, with its outcome, token, timeline and the
     * command that replays it.
     *
     * @return the report, for more assertions
     */
    public static CheckReport assertEverySchedulePasses(ProgramCheck check) {
        return requirePassing(check.explore());
    }

    /**
     * Explores the program and fails when every schedule passes (the test of a known race).
     *
     * @return the report, whose {@link CheckReport#shortest()} is the failing schedule
     */
    public static CheckReport assertSomeScheduleFails(ProgramCheck check) {
        return requireFailing(check.explore());
    }

    /**
     * Replays a token of the program and fails when the run fails, with its timeline (a regression test
     * of a race once found: the token still replays after the fix).
     */
    public static ReplayReport assertReplayPasses(ProgramCheck check, String token) {
        return requirePassing(check.replay(token));
    }

    /** Replays a token of the program and fails when the run passes. */
    public static ReplayReport assertReplayFails(ProgramCheck check, String token) {
        return requireFailing(check.replay(token));
    }

    static CheckReport requirePassing(CheckReport report) {
        if (report.failed()) {
            throw new AssertionError(report.failureMessage());
        }
        return report;
    }

    static CheckReport requireFailing(CheckReport report) {
        if (!report.failed()) {
            throw new AssertionError("expected a failing schedule, and every schedule passed: " + report.summary());
        }
        return report;
    }

    static ReplayReport requirePassing(ReplayReport replay) {
        if (replay.failed()) {
            throw new AssertionError("the schedule fails: " + ReplayReport.describe(replay.outcome()) + "\n"
                    + "token: " + replay.token() + "\n"
                    + "replay it: " + replay.command() + "\n\n" + replay);
        }
        return replay;
    }

    static ReplayReport requireFailing(ReplayReport replay) {
        if (!replay.failed()) {
            throw new AssertionError("expected the schedule to fail, and it passed\n"
                    + "token: " + replay.token() + "\n\n" + replay);
        }
        return replay;
    }
}
