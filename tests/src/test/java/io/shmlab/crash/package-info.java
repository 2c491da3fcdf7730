/**
 * Crash faults: a worker of Exercise 4's ring dies (SIGKILL) at any point, even holding the mutex,
 * and the survivors lose no committed item.
 *
 * <p>The protocol ({@link io.shmlab.crash.RingWorker}, {@link io.shmlab.crash.RingRepair}): the ring,
 * its semaphores and the lab's {@link io.shmlab.labs.RingBuffer} are used as the exercise does, every
 * wait timed; workers keep a board ({@link io.shmlab.crash.RecoveryBoardLayout}) saying which tokens
 * they hold and which slot a consumer is taking. A supervisor that knows a worker is dead (on the
 * native backend the test, which killed it and saw it exit; in the simulator a guardian process whose
 * waitpid(2) said SIGKILL) asks for a repair; the survivors, noticing through their timed waits,
 * park outside the critical section; the supervisor then frees the mutex, delivers the item a dead
 * consumer held, recounts {@code full} and {@code empty} from the ring, and lets them go on.
 *
 * <p>Invariants checked after every run ({@link io.shmlab.crash.CrashAudit}): every item a producer
 * committed (put, {@code last} advanced, {@code full} posted) arrived exactly once; nothing arrived
 * twice, corrupt or unsent; the ring ends empty and the mutex free; the survivors end with status 0.
 * On the native backend a child JVM is killed while it holds the mutex; on the simulator
 * ({@link io.shmlab.crash.KillingDispatcher}) a worker is killed at each of its steps in turn.
 */
package io.shmlab.crash;
