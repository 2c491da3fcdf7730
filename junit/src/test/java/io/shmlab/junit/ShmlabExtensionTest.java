package io.shmlab.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.example.counter.LockedCounter;
import com.example.counter.RacyCounter;
import io.shmlab.check.CheckReport;
import io.shmlab.check.ProgramCheck;
import io.shmlab.check.ReplayReport;
import io.shmlab.sim.sched.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@link ShmlabTest} and {@link ShmlabAssertions} as a user's test class uses them, run through the
 * JUnit platform: which tests pass, and what the failing ones say.
 */
class ShmlabExtensionTest {

    /** A user's test class: the racy counter fails its exploration, the locked one passes. */
    static class CounterTests {
        @ShmlabTest(program = RacyCounter.class, perAccess = true)
        void racyCounter() {
        }

        @ShmlabTest(program = LockedCounter.class, perAccess = true)
        void lockedCounter(CheckReport report) {
            assertTrue(report.complete());
        }

        @ShmlabTest(program = RacyCounter.class, perAccess = true, expect = Expect.FAIL)
        void racyCounterKnownToFail(CheckReport report) {
            assertEquals(Outcome.FAILED_ASSERTION, report.shortest().outcome());
        }

        @ShmlabTest(program = RacyCounter.class, replay = "not a token")
        void badToken() {
        }

        @Test
        void assertionForm() {
            ShmlabAssertions.assertEverySchedulePasses(ProgramCheck.of(RacyCounter.class).perAccess(true));
        }
    }

    /** A regression test: a token of the racy counter, replayed. */
    static class RegressionTests {
        static String token;

        @Test
        void theRaceStillShows() {
            ReplayReport replay = ShmlabAssertions.assertReplayFails(ProgramCheck.of(RacyCounter.class), token);
            assertEquals(Outcome.FAILED_ASSERTION, replay.outcome());
        }
    }

    @Test
    void aFailingExplorationFailsTheTestWithTokenTimelineAndCommand() {
        List<String> results = run(CounterTests.class);
        String racy = find(results, "racyCounter()");
        assertTrue(racy.startsWith("racyCounter() FAILED"), racy);
        assertTrue(racy.contains("failing schedule (shortest): failed assertion"), racy);
        assertTrue(racy.contains("token: A"), racy);
        assertTrue(racy.contains("replay it: shmlab replay --class com.example.counter.RacyCounter --classpath "), racy);
        assertTrue(racy.contains("lost update: counter is 1"), racy);
        assertTrue(racy.contains("#  time"), "the timeline's header: " + racy);
        assertEquals("lockedCounter(CheckReport) SUCCESSFUL", find(results, "lockedCounter("));
        assertEquals("racyCounterKnownToFail(CheckReport) SUCCESSFUL", find(results, "racyCounterKnownToFail("));
        assertTrue(find(results, "assertionForm()").contains("token: A"), results::toString);
        String bad = find(results, "badToken()");
        assertTrue(bad.contains("FAILED") && bad.contains("not a schedule token"), bad);
    }

    @Test
    void aTokenReplaysInARegressionTest() {
        RegressionTests.token = ProgramCheck.of(RacyCounter.class).perAccess(true).explore().shortestFailing();
        List<String> results = run(RegressionTests.class);
        assertEquals(List.of("theRaceStillShows() SUCCESSFUL"), results);
    }

    private static String find(List<String> results, String prefix) {
        return results.stream().filter(r -> r.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(prefix + " not run: " + results));
    }

    /** Runs a test class; each test as "name() STATUS message". */
    private static List<String> run(Class<?> testClass) {
        List<String> results = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            results.add(id.getDisplayName() + " " + result.getStatus()
                                    + result.getThrowable().map(t -> " " + t.getMessage()).orElse(""));
                        }
                    }
                });
        return results;
    }
}
