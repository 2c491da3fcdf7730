/**
 * C programs under shmlab's scheduler: real processes of an unmodified, dynamically linked binary, with
 * a turnstile preloaded into them ({@code LD_PRELOAD}) that makes each call of the course (shared
 * memory, semaphores, fork, output to standard output and error, sleeps, the process's end) wait for a
 * turn its parent gives.
 *
 * <ul>
 *   <li>{@link io.shmlab.libc.exec.CBuild}: the turnstile's C source ({@code shmlab_turnstile.c}, a
 *       resource) and the labs' C twins, built with the machine's C compiler ({@code CCompiler}) on first
 *       use and cached by a hash of what is built; the turnstile's header is generated from the Java
 *       descriptor of the control block ({@link io.shmlab.libc.turns.CLayoutHeader}).</li>
 *   <li>{@link io.shmlab.libc.exec.Executable}: a binary is checked first; a static one (which no
 *       preload reaches) is refused in one line ({@link io.shmlab.libc.exec.NotRunnableException}).</li>
 *   <li>{@link io.shmlab.libc.exec.ExecRun}: the conductor. It starts N processes of the binary on the
 *       protocol of {@link io.shmlab.libc.turns.ConductedBlock}, waits at every point for quiescence
 *       (each process parked at a call, blocked in one, or gone), asks a
 *       {@link io.shmlab.libc.exec.TurnChooser} who goes, and records each turn as an
 *       {@link io.shmlab.libc.exec.ExecStep}.</li>
 * </ul>
 *
 * <p>Invariants:
 * <ul>
 *   <li>No settle delay: a call that would block (a sem_wait on 0) says so itself and then really
 *       sleeps on its futex; the next turn is given as soon as {@code /proc} shows it asleep on that
 *       futex word (microseconds), so a lost wakeup such as Exercise 5's stays real. Past sem_trywait
 *       the wait is glibc's slow path on the same words, a woken waiter retrying on its own turn as
 *       the simulator's does.</li>
 *   <li>A deadlock is decided by what the processes are doing: every live process blocked in an
 *       untimed wait and asleep on its futex, none at a turn, no sleep pending; never by a timeout. The
 *       quiet limit only reports a process that makes no wrapped call (a spin loop).</li>
 *   <li>Sleeps take no real time unless the run keeps real time: a virtual clock moves to the earliest
 *       sleep's end when no process may go, as the simulator's does.</li>
 *   <li>After every run every process is gone, every name its processes made that did not exist
 *       before is removed, and so is the control block.</li>
 *   <li>A run asks its {@link io.shmlab.libc.exec.Interruption} (shmlab's Ctrl-C or SIGTERM) as it
 *       goes: interrupted, it ends at once as {@code INTERRUPTED} and starts no process; a process that
 *       cannot start, or is killed by SIGINT or SIGTERM, as the interruption comes is the
 *       interruption's, not a failure.</li>
 *   <li>Only the thread that attached (the main thread) takes turns; calls of other threads go
 *       straight through, unordered.</li>
 * </ul>
 */
package io.shmlab.libc.exec;
