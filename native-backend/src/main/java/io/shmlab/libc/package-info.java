/**
 * The native backend: the api on the real Linux kernel and glibc, through JNR-FFI, so that a Java
 * program shares memory and semaphores with C programs of the course.
 *
 * <p>Structure: {@link io.shmlab.libc.GlibcLoader.LibC} only declares the C functions;
 * {@link io.shmlab.libc.CheckedLibC} is the one boundary where a failed call becomes a {@link io.shmlab.api.PosixException} and where
 * EINTR is retried; {@link io.shmlab.libc.NativeOs} models each call of {@link io.shmlab.api.Os} by
 * making it; {@link io.shmlab.libc.NativeMapping} gives checked access to mapped memory;
 * {@link io.shmlab.libc.ChildRun}, {@link io.shmlab.libc.ChildProcess} and {@link io.shmlab.libc.ChildMain} run a program in real child JVMs;
 * {@link io.shmlab.libc.ScheduledNativeRun} runs them with their calls forced into a given order
 * (package {@code io.shmlab.libc.turns}); C programs run under a preloaded turnstile whose parent decides
 * every turn (package {@code io.shmlab.libc.exec}). The backend's settings ({@link io.shmlab.libc.NativeSettings},
 * from system properties) are read when a machine boots and handed down to what they configure; code
 * of this package that needs the machine itself (a child JVM, an ordered run) boots it typed, not cast.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Nothing native is loaded before {@link io.shmlab.libc.NativeBackend#boot()}.</li>
 *   <li>The JVM never dies of a bad access it can see coming: every load, store and semaphore
 *       operation on mapped memory is checked first (range, unmapped, protection, object size).
 *       glibc never touches a semaphore's page: its operations are made in Java
 *       ({@link io.shmlab.libc.SemaphoreProtocol}). What no check sees in time is another process
 *       cutting the object after the size was last asked: the access then takes a real SIGBUS in
 *       Java code. HotSpot 17 turns it into an {@link java.lang.InternalError} for a plain load or
 *       store, raised at the access or a little later (translated into a
 *       {@link io.shmlab.api.BusError} where it reaches the backend; a child JVM that meets it
 *       anywhere ends "killed by SIGBUS"); for a compare-and-swap it may crash the JVM (measured).
 *       {@link io.shmlab.libc.NativeSettings#CHECK_SEMAPHORE_FILES} asks the size before every
 *       semaphore call, which leaves only a cut racing the call itself.</li>
 *   <li>A full tmpfs never raises a SIGBUS in the JVM for this JVM's first touch of a page: each page
 *       of a file's mapping is faulted in with madvise(MADV_POPULATE_READ or _WRITE) before its first
 *       access ({@link io.shmlab.libc.NativeMapping}), whose EFAULT becomes the api's
 *       {@link io.shmlab.api.BusError} of kind NO_SPACE.</li>
 *   <li>A machine booted with a size for /dev/shm runs its child JVMs in a tmpfs of their own, in a
 *       mount namespace ({@link io.shmlab.libc.PrivateTmpfs}, root only); this JVM stays outside, and
 *       the program's final check runs inside ({@link io.shmlab.libc.ChildCheck}).</li>
 *   <li>Names are validated by glibc, not here: what glibc accepts, this accepts.</li>
 *   <li>The semaphore hot path allocates nothing and makes no native call: an uncontended sem_post
 *       or sem_wait is glibc's own fast path on the same {@code sem_t} word, and a wait that finds
 *       zero spins briefly on that word ({@link io.shmlab.libc.SemaphoreSpin}) before it sleeps on
 *       the futex; errno is read only after a failure.</li>
 *   <li>The bytes of a {@code sem_t}, the {@code sem.NAME} file of a named semaphore and the words
 *       of each fault are the api's ({@link io.shmlab.api.layout.SemT},
 *       {@link io.shmlab.api.ShmNamespace}, {@link io.shmlab.api.SegmentationFault},
 *       {@link io.shmlab.api.BusError}), shared with the simulator: none is restated here.</li>
 *   <li>No descriptor of the JVM leaks into a child: the backend's own descriptors are close-on-exec.</li>
 *   <li>A run's verdict comes from what its processes did, never from how long they took: a child
 *       reports the thread that runs its program and how many of the program's calls returned
 *       ({@link io.shmlab.libc.ObservedOs}, {@link io.shmlab.libc.ChildReport}); a deadlock is every
 *       live program thread asleep in an untimed futex wait, steadily ({@link io.shmlab.libc.HangWatch},
 *       {@link io.shmlab.libc.ThreadWaitProbe}); the timeout is time without progress, and ends a run
 *       as stalled, not deadlocked.</li>
 *   <li>Child JVMs end with the JVM that started them: a shutdown kills them, and none starts once
 *       it has begun.</li>
 *   <li>A run tells which names of /dev/shm its processes made ({@link io.shmlab.api.RunReport#made}):
 *       a child learns it exactly, by an O_CREAT open made with O_EXCL first and then as the program
 *       made it, so that the program sees what it would have seen ({@link io.shmlab.libc.MadeNamesOs}),
 *       and reports it ({@link io.shmlab.libc.ChildReport}).</li>
 * </ul>
 */
package io.shmlab.libc;
