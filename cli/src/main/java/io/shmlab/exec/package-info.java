/**
 * C programs on real hardware under shmlab's scheduler: the runs of
 * {@link io.shmlab.libc.exec.ExecRun} (real processes under the preloaded turnstile) driven by the
 * simulator's strategies and tokens, and drawn with its timeline.
 *
 * <ul>
 *   <li>{@link io.shmlab.exec.StrategyTurns}, {@link io.shmlab.exec.ArrivalTurns},
 *       {@link io.shmlab.exec.ForcedTurns}: who takes each turn — a search strategy or a token's choices,
 *       the order the processes arrived in, or an order of turns the simulator found on the Java port
 *       (checked call by call: a divergence says which process, which call was expected, which came).</li>
 *   <li>{@link io.shmlab.exec.ExecExploration}: many schedules, outcomes counted, failing ones as tokens;
 *       a run cut short by an interruption is not counted and ends the search.</li>
 *   <li>{@link io.shmlab.exec.ExecTimeline}: a run as the simulator's {@link io.shmlab.sim.sched.Trace},
 *       so the one timeline printer draws it; {@link io.shmlab.exec.ExecOutcome}: how a run counts.</li>
 *   <li>{@link io.shmlab.exec.ExecToken}: what a token of a binary records (its file name and arguments).</li>
 * </ul>
 *
 * <p>Invariants: a turn is given only when every process is parked, blocked or gone; a token of a
 * binary is replayed only on a binary of the same name with the same arguments; a token found at
 * per-access granularity is never forced on a binary.
 */
package io.shmlab.exec;
