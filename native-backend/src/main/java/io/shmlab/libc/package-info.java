/**
 * The native backend: the api on the real Linux kernel and glibc, through JNR-FFI, so that a Java
 * program shares memory and semaphores with C programs of the course.
 *
 * <p>Structure: {@link io.shmlab.libc.GlibcLoader.LibC} only declares the C functions;
 * {@link io.shmlab.libc.CheckedLibC} is the one boundary where a failed call becomes a {@link io.shmlab.api.PosixException} and where
 * EINTR is retried; {@link io.shmlab.libc.NativeOs} models each call of {@link io.shmlab.api.Os} by
 * making it; {@link io.shmlab.libc.NativeMapping} gives checked access to mapped memory;
 * {@link io.shmlab.libc.ChildRun} and {@link io.shmlab.libc.ChildMain} run a program in real child JVMs;
 * {@link io.shmlab.libc.ScheduledNativeRun} runs them with their calls forced into a given order
 * (package {@code io.shmlab.libc.turns}). The backend's settings ({@link io.shmlab.libc.NativeSettings},
 * from system properties) are read when a machine boots and handed down to what they configure; code
 * of this package that needs the machine itself (a child JVM, an ordered run) boots it typed, not cast.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Nothing native is loaded before {@link io.shmlab.libc.NativeBackend#boot()}.</li>
 *   <li>The JVM never dies of a bad access: every load, store, and semaphore call on mapped memory
 *       is checked first (range, unmapped, protection, object size). The one fault a check cannot
 *       foresee, a real SIGBUS because another process shrank the object since the size was cached,
 *       HotSpot survives as an {@link java.lang.InternalError}; it is reported as
 *       {@link io.shmlab.api.BusError} where it is raised at the access, and a child JVM that meets it
 *       anywhere ends "killed by SIGBUS".</li>
 *   <li>Names are validated by glibc, not here: what glibc accepts, this accepts.</li>
 *   <li>The semaphore hot path allocates nothing: an uncontended sem_post or sem_wait is glibc's own
 *       fast path done in Java on the same {@code sem_t} word ({@link io.shmlab.libc.SemaphoreFastPath}),
 *       and a wait that finds zero spins briefly on that word before glibc puts it to sleep;
 *       anything else is decided by glibc, and errno is read only after a failure.</li>
 *   <li>The bytes of a {@code sem_t}, the {@code sem.NAME} file of a named semaphore and the words
 *       of each fault are the api's ({@link io.shmlab.api.layout.SemT},
 *       {@link io.shmlab.api.ShmNamespace}, {@link io.shmlab.api.SegmentationFault},
 *       {@link io.shmlab.api.BusError}), shared with the simulator: none is restated here.</li>
 *   <li>No descriptor of the JVM leaks into a child: the backend's own descriptors are close-on-exec.</li>
 * </ul>
 */
package io.shmlab.libc;
