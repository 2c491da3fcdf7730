package io.shmlab.junit;

import io.shmlab.api.FinalCheck;
import io.shmlab.api.Program;
import io.shmlab.sim.sched.StrategyKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that explores a program's schedules on the simulator (or replays one token of it) before its
 * body runs; a failing schedule fails it with the outcome, the token, the timeline and the command
 * line that replays it.
 *
 * <pre>{@code
 * @ShmlabTest(program = Ring.class, args = {"2", "2"}, processes = 4)
 * void everyItemArrivesOnce() {
 * }
 *
 * @ShmlabTest(program = BrokenRing.class, args = {"2", "2"}, processes = 4, expect = Expect.FAIL)
 * void theBrokenRingLosesAnItem(CheckReport report) {
 *     assertEquals(Outcome.FAILED_ASSERTION, report.shortest().outcome());
 * }
 *
 * @ShmlabTest(program = Ring.class, args = {"2", "2"}, replay = "AQAE...")   // a regression test
 * void theRaceOnceFoundIsGone() {
 * }
 * }</pre>
 *
 * <p>The body runs after the exploration met the expectation, and may take the {@code CheckReport} (or
 * the {@code ReplayReport} of a replay) as a parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ShmlabExtension.class)
public @interface ShmlabTest {

    /** The program: a class with a public {@code (String[])} or no-argument constructor. */
    Class<? extends Program> program();

    /** The arguments every process's instance gets. */
    String[] args() default {};

    /** How many processes run it in each schedule. */
    int processes() default 2;

    /** The exploration strategy. */
    StrategyKind strategy() default StrategyKind.DFS;

    /** DFS: the most preemptions per schedule. */
    int preemptions() default 2;

    /** The most schedules to run. */
    long maxSchedules() default 10_000;

    /** The seed of PCT and random choices and of the simulated address layout. */
    long seed() default 0;

    /** True to switch processes at every load and store too (a race in plain memory needs it). */
    boolean perAccess() default false;

    /**
     * A final check over the shared state (a class with a public no-argument or {@code (String[])}
     * constructor, given {@link #args()}); {@code FinalCheck.class} for none besides the program's own.
     */
    Class<? extends FinalCheck> check() default FinalCheck.class;

    /** A schedule token to replay instead of exploring; empty to explore. */
    String replay() default "";

    /** Whether every schedule should pass, or some should fail. */
    Expect expect() default Expect.PASS;
}
