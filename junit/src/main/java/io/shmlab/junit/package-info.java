/**
 * shmlab in JUnit 5: a test states a program, a number of processes and a strategy; the simulator
 * explores its schedules, and a failing one fails the test with what a CI log needs: the outcome, the
 * schedule's token, its timeline, and the command line that replays it. The same test can replay a
 * token instead (a regression test for a race once found).
 *
 * <ul>
 *   <li>Annotation form: {@link io.shmlab.junit.ShmlabTest} on a test method (run by
 *       {@link io.shmlab.junit.ShmlabExtension}); the method may take the
 *       {@link io.shmlab.check.CheckReport} or {@link io.shmlab.check.ReplayReport} as a parameter.</li>
 *   <li>Assertion form: {@link io.shmlab.junit.ShmlabAssertions} over a
 *       {@link io.shmlab.check.ProgramCheck}.</li>
 * </ul>
 *
 * <p>Both fail with {@link java.lang.AssertionError}s whose message is
 * {@link io.shmlab.check.CheckReport#failureMessage()} (or a replay's timeline), and never pass a test
 * whose program could not be built: that is an error saying why.
 */
package io.shmlab.junit;
