/**
 * Semaphores as glibc 2.36 builds them on x86_64: a 32-byte {@code sem_t} in the process's own
 * mapped memory ({@link io.shmlab.sim.sem.SemaphoreDescriptor}) holding the value and the waiter
 * count in one 64-bit word; waits and posts are glibc's algorithm
 * ({@link io.shmlab.sim.sem.GlibcSemaphore}) over the kernel's futexes; named semaphores are files
 * {@code sem.NAME} in /dev/shm ({@link io.shmlab.sim.sem.NamedSemaphores}).
 *
 * <p>Invariants: all the state of a semaphore is in the simulated memory, nowhere else, so what
 * happens to it (an overwrite by sem_init, a copy by fork, a fault) happens as on Linux; no outcome
 * is special-cased. The {@link io.shmlab.sim.sem.SemaphoreRegistry} only watches, to report
 * undefined behaviour.
 */
package io.shmlab.sim.sem;
