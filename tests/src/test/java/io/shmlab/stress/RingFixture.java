package io.shmlab.stress;

import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Unlink;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.labs.Exercise4;
import io.shmlab.labs.RingBufferLayout;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared objects of one ring run, made before the run and removed after it even when the test
 * fails: Exercise 4's ring {@code NAME} and its three named semaphores, and the ledger
 * {@code NAME-ledger}. Names carry {@link ShmLeakCheck#RUN_TAG}.
 */
public final class RingFixture implements AutoCloseable {
    /** The suffix of the ledger object. */
    static final String LEDGER_SUFFIX = "-ledger";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Os os;
    private final String name;
    private final java.util.List<String> extraObjects = new java.util.ArrayList<>();

    private RingFixture(Os os, String name) {
        this.os = os;
        this.name = name;
    }

    /** A name not used before by this test JVM, with the run tag. */
    public static String uniqueName(String what) {
        return "/" + ShmLeakCheck.RUN_TAG + "-" + what + SEQUENCE.incrementAndGet();
    }

    /** The ledger object of the ring called {@code name}. */
    public static String ledgerName(String name) {
        return name + LEDGER_SUFFIX;
    }

    /**
     * Makes the ring (all zeros: empty), its semaphores with Exercise 4's values, and the ledger, each
     * with O_EXCL; what was made is removed again if a later step fails.
     */
    public static RingFixture create(Os os, String name, RingBufferLayout ring, long ledgerSize) {
        RingFixture fixture = new RingFixture(os, name);
        try {
            fixture.makeObject(name, ring.size());
            fixture.makeObject(ledgerName(name), ledgerSize);
            int create = OpenFlags.O_CREAT | OpenFlags.O_EXCL;
            os.semClose(os.semOpen(name + Exercise4.EMPTY_SUFFIX, create, 0600, ring.capacity()));
            os.semClose(os.semOpen(name + Exercise4.FULL_SUFFIX, create, 0600, 0));
            os.semClose(os.semOpen(name + Exercise4.MUTEX_SUFFIX, create, 0600, 1));
            return fixture;
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    private void makeObject(String objectName, long size) {
        OpenFile fd = os.shmOpen(objectName, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600);
        try {
            os.ftruncate(fd, size);
        } finally {
            os.close(fd);
        }
    }

    /** Makes one more object of the run ({@code O_EXCL}, zero-filled), removed with the others. */
    public void addObject(String objectName, long size) {
        extraObjects.add(objectName);
        makeObject(objectName, size);
    }

    public String name() {
        return name;
    }

    /** Removes every name of the run that exists; a missing one is not an error. */
    @Override
    public void close() {
        Unlink.shmIfPresent(os, name);
        Unlink.shmIfPresent(os, ledgerName(name));
        for (String extra : extraObjects) {
            Unlink.shmIfPresent(os, extra);
        }
        for (String sem : Exercise4.semaphoreNames(name)) {
            Unlink.semIfPresent(os, sem);
        }
    }
}
