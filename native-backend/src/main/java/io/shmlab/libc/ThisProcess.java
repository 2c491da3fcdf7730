package io.shmlab.libc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Protection;
import io.shmlab.libc.GlibcLoader.LibC;
import java.nio.charset.StandardCharsets;
import jnr.ffi.Runtime;

/**
 * What the one real process this JVM is shares among all its {@link NativeOs} handles: the glibc
 * binding, the registry of mapped objects, the standard input, and the blocking call the process is
 * in (which a child JVM reports when its run times out).
 *
 * <p>Made once, at the first {@link NativeBackend#boot()}; nothing native is loaded before that.
 */
final class ThisProcess {
    private static final VarHandle CURRENT_CALL;

    static {
        try {
            CURRENT_CALL = MethodHandles.lookup().findVarHandle(ThisProcess.class, "currentCall", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static volatile ThisProcess instance;

    private final CheckedLibC libc;
    private final MappedObjects mappedObjects;
    private final NamedSemaphores namedSemaphores = new NamedSemaphores();
    private final int pid;
    private final BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    @SuppressWarnings("unused") // through CURRENT_CALL
    private volatile String currentCall;
    /** Whether madvise(MADV_POPULATE_READ) works here: null until asked. */
    private volatile Boolean populates;

    private ThisProcess(CheckedLibC libc) {
        this.libc = libc;
        this.mappedObjects = new MappedObjects(libc);
        this.pid = libc.getpid();
        String version = libc.glibcVersion();
        if (!GlibcLoader.atLeast(version, GlibcLoader.FIRST_GLIBC[0], GlibcLoader.FIRST_GLIBC[1])) {
            throw new IllegalStateException("glibc " + version + ": the native backend knows the sem_t of glibc "
                    + GlibcLoader.FIRST_GLIBC[0] + "." + GlibcLoader.FIRST_GLIBC[1] + " and later only");
        }
    }

    /** The process, binding glibc on first use. */
    static ThisProcess get() {
        ThisProcess p = instance;
        if (p == null) {
            synchronized (ThisProcess.class) {
                p = instance;
                if (p == null) {
                    LibC bound = GlibcLoader.load();
                    Runtime runtime = Runtime.getRuntime(bound);
                    p = new ThisProcess(new CheckedLibC(bound, runtime::getLastError));
                    instance = p;
                }
            }
        }
        return p;
    }

    CheckedLibC libc() {
        return libc;
    }

    MappedObjects mappedObjects() {
        return mappedObjects;
    }

    NamedSemaphores namedSemaphores() {
        return namedSemaphores;
    }

    int pid() {
        return pid;
    }

    /**
     * Whether the kernel faults pages in on request, madvise(MADV_POPULATE_READ) (Linux 5.14 and
     * later): asked once, of an anonymous page of our own.
     */
    boolean canPopulatePages() {
        Boolean known = populates;
        if (known == null) {
            long page = libc.mmap(Limits.PAGE_SIZE, Protection.PROT_READ, MapFlags.MAP_PRIVATE | MapFlags.MAP_ANONYMOUS,
                    -1, 0, "a page to ask madvise(MADV_POPULATE_READ) about");
            try {
                known = libc.populate(page, Limits.PAGE_SIZE, false) == 0;
            } finally {
                libc.munmap(page, Limits.PAGE_SIZE, null);
            }
            populates = known;
        }
        return known;
    }

    BufferedReader stdin() {
        return stdin;
    }

    /**
     * Records that a thread of this process is about to block in {@code call} ({@code null}: it
     * returned). A release store: free on x86_64, so the semaphore hot path can afford it.
     */
    void enterBlocking(String call) {
        CURRENT_CALL.setRelease(this, call);
    }

    /** The blocking call last entered and not yet left, or {@code null}. */
    String currentBlockingCall() {
        return (String) CURRENT_CALL.getAcquire(this);
    }
}
