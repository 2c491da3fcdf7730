/**
 * The simulator's public face: {@link io.shmlab.sim.SimBackend} ("sim"), a
 * {@link io.shmlab.sim.SimMachine} with its processes ({@link io.shmlab.sim.SimOs} for calls made from
 * the caller's thread, {@link io.shmlab.sim.SimProcess} for a program on a thread of its own), and
 * what ps(1) shows of them ({@link io.shmlab.sim.ProcessInfo}, {@link io.shmlab.sim.MappingInfo}),
 * and {@link io.shmlab.sim.ProgramSimulation}, a program on fresh machines as the scheduler's
 * explorations, replays and stepped runs take it: each process built from the program's classes
 * ({@link io.shmlab.sim.program.ProgramClasses}), and the program's final check run on the machine once
 * every process has exited (a traced run looks at its machine after every step through
 * {@code WorldProbe}, which changes nothing it looks at).
 *
 * <p>Layers: this package builds on {@code kernel}, {@code sem}, {@code sched} ({@link
 * io.shmlab.sim.SimMachine#run} schedules a run) and {@code program}; none of them depends on it, and
 * {@code sched} reaches programs only through its {@code Simulation} interface.
 *
 * <p>Invariants: every call of a {@link io.shmlab.sim.SimOs} is one system call, bracketed by the
 * dispatcher's enter and exit; an uncaught memory fault ends only the simulated process that made it;
 * nothing a simulated program does can crash or hang the JVM except a program that never calls the
 * kernel and never returns.
 */
package io.shmlab.sim;
