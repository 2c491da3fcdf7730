/**
 * The simulated kernel: the /dev/shm namespace and a flat file system of
 * {@link io.shmlab.sim.kernel.MemoryObject}s made of 4096-byte
 * {@link io.shmlab.sim.kernel.PageFrame}s allocated on first touch; per-process
 * {@link io.shmlab.sim.kernel.AddressSpace}s of {@link io.shmlab.sim.kernel.VirtualMemoryArea}s with
 * page tables; the system calls on objects, memory and processes; the
 * {@link io.shmlab.sim.kernel.FutexTable} (who waits on which futex word, spurious EINTR, and the one
 * deadlock check); and the {@link io.shmlab.sim.kernel.Dispatcher} seam with its direct
 * implementation.
 *
 * <p>Invariants:
 * <ul>
 *   <li>every system call runs between {@code Dispatcher.enter} and {@code Dispatcher.exit}, so the
 *       kernel's tables change one call at a time; loads and stores through mappings run outside
 *       calls and touch only page frames (plain accesses race as in C; atomics are real atomics);</li>
 *   <li>faults are decided before memory is touched: SIGSEGV outside every mapping or against the
 *       protection, SIGBUS for a page wholly past the end of the object, worded by the api's
 *       factories ({@link io.shmlab.api.SegmentationFault}, {@link io.shmlab.api.BusError}) as the
 *       native backend words them;</li>
 *   <li>a name becomes an entry of /dev/shm by the api's rule ({@link io.shmlab.api.ShmNamespace});
 *       {@link io.shmlab.sim.kernel.ShmName} adds which names glibc and the kernel refuse;</li>
 *   <li>an object costs the pages touched, never its size; an object of /dev/shm holds pages of its
 *       tmpfs ({@link io.shmlab.sim.kernel.TmpfsSpace}, a nominal 8 GiB unless the machine says
 *       otherwise), charged on first touch, by posix_fallocate and by a named semaphore's file, given
 *       back by a truncation or the end of an unlinked object; a first touch the tmpfs has no room for
 *       is SIGBUS ({@link io.shmlab.api.FaultKind#NO_SPACE}), a posix_fallocate or a semaphore's
 *       file ENOSPC, and every charge, refusal and release is told to the touch log;</li>
 *   <li>what a call or an access touches that another process could see is told to the dispatcher's
 *       {@link io.shmlab.sim.kernel.TouchLog} by physical identity (object and offset, futex key,
 *       name, pid; a semaphore's change of count as such), only when it records, so that a scheduler
 *       can tell which steps commute;</li>
 *   <li>the kernel never reads a clock or waits by itself: time and blocking go through the
 *       dispatcher, so a scheduler can make them virtual; futex queues are the kernel's own, the
 *       dispatcher only parks a waiter and lets it run again, so a wake releases the same waiter
 *       whoever runs the processes;</li>
 *   <li>errno values are Linux's (glibc 2.36, x86_64), measured with small C programs; where POSIX
 *       allows something else, the Javadoc says so.</li>
 * </ul>
 */
package io.shmlab.sim.kernel;
