/**
 * Semaphores as glibc 2.36 builds them on x86_64: a 32-byte {@code sem_t} in the process's own
 * mapped memory, laid out as the api's {@link io.shmlab.api.layout.SemT} describes it (the
 * descriptor the native backend uses too), holding the value and the waiter count in one 64-bit
 * word; waits and posts are glibc's algorithm ({@link io.shmlab.sim.sem.GlibcSemaphore}) over the
 * kernel's futexes; named semaphores are files
 * {@code sem.NAME} in /dev/shm, by the api's rule ({@link io.shmlab.api.ShmNamespace}), held by
 * {@link io.shmlab.sim.sem.NamedSemaphores}.
 *
 * <p>Invariants: all the state of a semaphore is in the simulated memory, nowhere else, so what
 * happens to it (an overwrite by sem_init, a copy by fork, a fault) happens as on Linux; no outcome
 * is special-cased. The {@link io.shmlab.sim.sem.SemaphoreRegistry} only watches, to report
 * undefined behaviour and to say where the semaphores are for a traced run's picture (it reads them
 * without faulting or touching a page). Each access to a {@code sem_t} tells the kernel's touch log
 * the bytes of its field alone; a post, and a wait that finds the value positive, tell their change
 * of the count as one ({@link io.shmlab.sim.kernel.TouchLog#semaphoreCount}), so that a reduction can
 * let such changes commute.
 */
package io.shmlab.sim.sem;
