/**
 * Checking a program of one's own on the simulator, as a library: one facade,
 * {@link io.shmlab.check.ProgramCheck}, over the scheduler's exploration and replay.
 *
 * <pre>{@code
 * CheckReport report = ProgramCheck.of(Counter.class)
 *         .processes(2)
 *         .perAccess(true)          // switch processes at every load and store too
 *         .explore();
 * if (report.failed()) {
 *     System.out.println(report.failureMessage());   // outcome, token, timeline, replay command
 * }
 * ReplayReport again = ProgramCheck.of(Counter.class).replay(report.shortestFailing());
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.shmlab.check.ProgramCheck}: the program and the options (processes, strategy,
 *       preemption bound, seed, granularity, schedule budget, final check); immutable.</li>
 *   <li>{@link io.shmlab.check.CheckReport}: counts of outcomes, the first and shortest failing
 *       tokens, the shortest failing schedule replayed with its timeline, and a failure message ready
 *       for a CI log.</li>
 *   <li>{@link io.shmlab.check.ReplayReport}: one token run again: its timeline, how each process
 *       ended, the final check.</li>
 * </ul>
 *
 * <p>Invariants: the same program, options and seed give the same report on any machine; a failing
 * report's tokens replay to the failing run (the token records the program and arguments it was found
 * for, and a replay of another program is refused); user programs get per-process statics
 * ({@link io.shmlab.sim.program.ProgramClasses}).
 */
package io.shmlab.check;
