/**
 * The five exercises of the course ({@code shmem_semaphores}), and {@code shm-full}
 * ({@link io.shmlab.labs.ShmFull}: what a full /dev/shm does to a writer, and what posix_fallocate
 * changes), as {@link io.shmlab.api.Program}s
 * written against the api: readable ports of the C, with the C side by side in each class's Javadoc,
 * runnable on the simulator and on the real kernel alike. They are a module of their own
 * ({@code labs/}) that sees the api and nothing else: whatever runs a lab (the {@code shmlab} command,
 * the tests, the benchmarks) picks the backend.
 *
 * <p>What runs in several processes at once ({@code shmlab run}, {@code explore}, {@code replay},
 * {@code step}) is a {@link io.shmlab.labs.LabDefinition}: the course's are the constants of
 * {@link io.shmlab.labs.Lab}, and {@link io.shmlab.labs.Labs} is the registry the command takes its
 * labs from (the course's, and any added with {@code with}).
 *
 * <p>Invariants:
 * <ul>
 *   <li>every shared layout has one descriptor class ({@link io.shmlab.labs.MyDataLayout},
 *       {@link io.shmlab.labs.RingBufferLayout}, {@link io.shmlab.labs.SemDataLayout},
 *       {@link io.shmlab.labs.FinishLineLayout}) built with
 *       {@link io.shmlab.api.layout.StructLayout}: C programs share the objects byte for byte, and no
 *       literal offset appears anywhere else;</li>
 *   <li>the ports keep the C's races: nothing is made atomic or locked that is not in the C
 *       ({@code data->counter += n} stays a load and a store);</li>
 *   <li>every program has a public constructor taking {@code String[]}, so each process of a run
 *       (a simulated one or a child JVM) builds its own instance from a
 *       {@link io.shmlab.api.ProgramSpec};</li>
 *   <li>a failed call is not caught unless the C checks it: it ends the process with its message and
 *       status 1, as perror and exit do;</li>
 *   <li>a lab's id is one lower-case word, unique in its registry.</li>
 * </ul>
 *
 * <p>Each course lab's run-mode program has a C twin among this module's resources
 * ({@code io/shmlab/labs/c/ex1.c} ... {@code ex5-fixed.c}): the same calls in the same order, so that
 * a schedule the simulator found on the Java lab can be forced on real processes of the C program
 * ({@code shmlab replay <lab> <token> --exec}; a test forces schedules of every lab on its twin).
 */
package io.shmlab.labs;
