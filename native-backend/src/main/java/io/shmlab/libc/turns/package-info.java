/**
 * Ordered and conducted runs: real processes whose calls into the operating system are forced into an order given
 * in advance (a schedule found by the simulator), so the real kernel and glibc produce that schedule's
 * outcome every time.
 *
 * <ul>
 *   <li>{@link io.shmlab.libc.turns.ControlBlock} (laid out by {@link io.shmlab.libc.turns.ControlBlockLayout}):
 *       a shared memory object with the {@link io.shmlab.libc.turns.TurnOrder}, the cursor, a record per
 *       process, a mutex and one turnstile semaphore per process.</li>
 *   <li>{@link io.shmlab.libc.turns.TurnTaking}: a process's side of the protocol;
 *       {@link io.shmlab.libc.turns.TurnstileOs}: the one place it is applied, around every call of a
 *       program's {@link io.shmlab.api.Os}.</li>
 *   <li>{@link io.shmlab.libc.turns.Supervisor}: the parent's side: hands on the turns of calls blocked in
 *       the kernel, and tells a finished run from a hang.</li>
 *   <li>{@link io.shmlab.libc.turns.ProcThread}: the one reader of {@code /proc/PID/task/TID} (a
 *       thread's state and the system call it sleeps in), for the supervisor's
 *       {@link io.shmlab.libc.turns.SleepProbe}, the conductor of C programs and the deadlock watch of
 *       runs of child JVMs.</li>
 *   <li>{@link io.shmlab.libc.turns.ConductedBlock}: the same block for a <em>conducted</em> run, whose
 *       parent decides every turn as it goes (C programs under the preloaded turnstile,
 *       {@link io.shmlab.libc.exec}): with quiescence (at each choice every process is parked at a call,
 *       blocked in one, or gone) and no settle delay (a call that blocks says so itself).
 *       {@link io.shmlab.libc.turns.CLayoutHeader} generates the C header from the one descriptor.</li>
 * </ul>
 *
 * <p>Invariants:
 * <ul>
 *   <li>The cursor and the process records change only under the mutex; the turn records are written
 *       once, before the magic word that makes the block valid.</li>
 *   <li>Each turnstile is posted exactly once per turn its process takes itself, when the cursor
 *       reaches that turn; so a process never runs a call before its turn, nor two calls on one turn.</li>
 *   <li>A turn is handed on by the supervisor only if the order says the call blocks and the process is
 *       seen asleep in the kernel (or already back) for a whole settle time with the cursor still.</li>
 *   <li>A call that is not the one due is never made: the process marks itself diverged and the run
 *       is stopped. Calls are compared as {@link io.shmlab.api.Syscall}s (the block keeps their C
 *       names); {@code TurnstileOs} takes a turn for every scheduled call of {@code Os}, which a test
 *       checks by reflection.</li>
 * </ul>
 */
package io.shmlab.libc.turns;
