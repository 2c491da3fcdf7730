/**
 * A program's classes for the processes of a simulated run: one process, one world.
 *
 * <p>On Linux every process has its own copy of a program's static variables; on the simulator every
 * process lives in one JVM. So that a {@code static} field of a user's program is per process there
 * too (and not a channel between "processes" that neither the scheduler nor a real run would have),
 * {@link io.shmlab.sim.program.ProgramClasses} gives each process instances of the program's classes
 * from a {@link io.shmlab.sim.program.ProcessClassLoader} of its own, for every schedule anew, when
 * the program's own classes have a mutable static field ({@link io.shmlab.sim.program.StaticState}
 * reads their class files, following the classes each names from the program's class). A program
 * without one needs no copies: its processes share its classes, and its exploration runs as fast as a
 * lab's.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Shared by all processes: the JDK, and shmlab's own classes (packages {@code io.shmlab.*}:
 *       the api, the simulator, the labs, which keep no mutable static state), and any class not in
 *       the program's code base (the directory or jar its class comes from, or the class path it was
 *       given). A program whose own class is shmlab's (a lab) is built from the shared class: the labs'
 *       exploration costs no class loading per schedule.</li>
 *   <li>Loaded per process, when the program has mutable static state: every other class of the
 *       program's code base. Their bytes are read once per {@code ProgramClasses}, and defined again by
 *       each process's loader.</li>
 *   <li>A program that cannot be built says so in one line, as an {@link IllegalArgumentException}:
 *       no such class, not a {@link io.shmlab.api.Program}, no usable constructor, a constructor that
 *       throws, a missing class path entry.</li>
 * </ul>
 */
package io.shmlab.sim.program;
