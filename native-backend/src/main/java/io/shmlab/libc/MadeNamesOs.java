package io.shmlab.libc;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;

import io.shmlab.api.ForwardingOs;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The program's handle in a child JVM, telling the parent each name of /dev/shm its calls made (as
 * the preloaded turnstile of a C program records them), so that a run's clean-up removes those names
 * and no other: an object or semaphore someone else made meanwhile is not the run's.
 *
 * <p>Whether a call made its name is known exactly, not guessed from what /dev/shm held before: a
 * shm_open or sem_open with O_CREAT but not O_EXCL is made with O_EXCL first, which creates the name
 * (the call made it) or fails, with EEXIST or an error the program's call meets too, having made
 * nothing; then the call is made again as the program made it, which opens what exists with the
 * program's own flags, so the program sees what it would have seen (the same result, the same errno,
 * O_TRUNC applied once). An O_EXCL open never succeeds where the program's would fail: on a name that
 * does not exist the two are the same call. A call the program makes with O_EXCL made its
 * name when it succeeds. A call without O_CREAT makes nothing.
 *
 * <p>What is not told, and so is left in /dev/shm after the run: a name the second call made because
 * another process removed it between the two (a race of microseconds on a name that existed); a name
 * whose process was killed (SIGKILL) between its call and the report of it; a file made in /dev/shm
 * through open(2) of a path, which is not a name of the namespace's calls.
 */
final class MadeNamesOs extends ForwardingOs {
    private final Consumer<String> made;

    /**
     * @param made told of the entry of /dev/shm ({@link ShmNamespace}) of each name a call made, on
     *     the calling thread, before the call returns
     */
    MadeNamesOs(Os delegate, Consumer<String> made) {
        super(delegate);
        this.made = made;
    }

    @Override
    public OpenFile shmOpen(String name, int oflag, int mode) {
        return open(oflag, flags -> delegate.shmOpen(name, flags, mode), ShmNamespace.objectFile(name));
    }

    @Override
    public Semaphore semOpen(String name, int oflag) {
        return open(oflag, flags -> delegate.semOpen(name, flags), ShmNamespace.semaphoreFile(name));
    }

    @Override
    public Semaphore semOpen(String name, int oflag, int mode, long value) {
        return open(oflag, flags -> delegate.semOpen(name, flags, mode, value), ShmNamespace.semaphoreFile(name));
    }

    private <T> T open(int oflag, IntFunction<T> call, String entry) {
        if ((oflag & O_CREAT) == 0) {
            return call.apply(oflag);
        }
        if ((oflag & O_EXCL) == 0) {
            try {
                T opened = call.apply(oflag | O_EXCL);
                made.accept(entry);
                return opened;
            } catch (PosixException notMade) {
                // EEXIST, or an error the program's own call meets too (glibc's sem_open checks the
                // value only when it creates): what the program sees is its own call's outcome
            }
            return call.apply(oflag);
        }
        T opened = call.apply(oflag);
        made.accept(entry);
        return opened;
    }
}
