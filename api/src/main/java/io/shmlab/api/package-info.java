/**
 * The contract of shmlab, backend-neutral: what a C program of the course sees of the operating
 * system, as Java types.
 *
 * <ul>
 *   <li>{@link io.shmlab.api.Os}: one process's handle; each method models one POSIX call, named by
 *       {@link io.shmlab.api.Models} with a {@link io.shmlab.api.Syscall}.</li>
 *   <li>{@link io.shmlab.api.Syscall}: the one vocabulary of calls (and of a run's other steps: exit,
 *       load, store), each with its C name and its {@link io.shmlab.api.Footprint} (what it touches,
 *       read or written) and effects (blocks, wakes, starts, waits for or ends a process); the
 *       simulator's trace, ordered runs and error messages name calls by it.</li>
 *   <li>{@link io.shmlab.api.OpenFile}, {@link io.shmlab.api.Mapping},
 *       {@link io.shmlab.api.Semaphore}: descriptors, mapped memory, {@code sem_t *}.</li>
 *   <li>{@link io.shmlab.api.PosixException} with an {@link io.shmlab.api.Errno}: a failed call;
 *       {@link io.shmlab.api.MemoryFault} ({@link io.shmlab.api.BusError},
 *       {@link io.shmlab.api.SegmentationFault}): an access the kernel answers with a signal, each
 *       kind worded once by their static factories for both backends.</li>
 *   <li>{@link io.shmlab.api.Backend}, {@link io.shmlab.api.Machine}: a backend by name, asked what it
 *       can do (fork, a deterministic schedule, real processes), booted with
 *       {@link io.shmlab.api.MachineOptions} (the capacity of /dev/shm: {@link io.shmlab.api.ShmSize}),
 *       a machine to spawn processes on and
 *       run programs in several processes: a {@link io.shmlab.api.Program} by
 *       {@link io.shmlab.api.ProgramSpec} (class name, arguments, and the class path of a user's
 *       program), with a {@link io.shmlab.api.FinalCheck} over the shared state it leaves, whose
 *       {@link io.shmlab.api.CheckVerdict} a {@link io.shmlab.api.RunReport} carries.</li>
 *   <li>Flags with their Linux values: {@link io.shmlab.api.OpenFlags},
 *       {@link io.shmlab.api.Protection}, {@link io.shmlab.api.MapFlags},
 *       {@link io.shmlab.api.SyncFlags}; {@link io.shmlab.api.Limits}.</li>
 *   <li>{@link io.shmlab.api.Unlink}: a clean-up's unlink, where a name already gone is no error.</li>
 *   <li>{@link io.shmlab.api.ShmNamespace}: how a name becomes an entry of /dev/shm (a named
 *       semaphore {@code /x} is the file {@code sem.x}), and the names' length limits.</li>
 *   <li>{@code io.shmlab.api.layout}: C struct layouts, and the descriptor of glibc's {@code sem_t}.</li>
 * </ul>
 *
 * <p>Invariants every backend keeps: the same misuse gives the same errno and the same fault kind;
 * no call crashes the JVM; a blocking call never surfaces EINTR; values in memory are little-endian.
 * A C name is spelled once, in {@code Syscall}; every abstract {@code Os} method says the call it
 * models (or that it makes none), which a test checks against ordered runs.
 */
package io.shmlab.api;
