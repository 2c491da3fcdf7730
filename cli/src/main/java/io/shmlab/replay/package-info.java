/**
 * Real-hardware replay: a schedule token the simulator found, forced on real processes of the native
 * backend so that the real kernel and glibc give that schedule's outcome.
 *
 * <p>{@link io.shmlab.replay.TraceTurns} turns the simulator's trace into an order of turns;
 * {@link io.shmlab.replay.NativeReplay} replays the token on the simulator, runs the lab's program in
 * child JVMs in that order ({@link io.shmlab.libc.ScheduledNativeRun}) and removes every name. Both it
 * and the {@code run} command run a program's own final check after the run, before the clean-up
 * ({@link io.shmlab.replay.FinalCheckRun}), and remove the names a program that declares no names (a
 * user's) made, as its processes told them, and nothing someone else made meanwhile
 * ({@link io.shmlab.replay.CreatedNames}).
 *
 * <p>Invariants: only schedules at system-call granularity are forced (a single memory access of one
 * process cannot be ordered against another's); a lab's name that already exists is never used nor
 * removed; after a replay nothing of it is left in /dev/shm.
 */
package io.shmlab.replay;
