package io.shmlab.sim.kernel;

import io.shmlab.api.Access;
import io.shmlab.api.Errno;
import io.shmlab.api.FileStatus;
import io.shmlab.api.Limits;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.PosixException;
import java.util.Map;

/**
 * The calls on named objects and descriptors: shm_open(3), shm_unlink(3), open(2), ftruncate(2),
 * posix_fallocate(3), fstat(2), close(2). Each gives the errno Linux with glibc 2.36 gives, checked
 * on that system:
 * <ul>
 *   <li>ftruncate on a descriptor not open for writing is EINVAL (POSIX allows EBADF; Linux says
 *       EINVAL); a negative length is EINVAL, even on a closed descriptor (checked first);</li>
 *   <li>posix_fallocate on a descriptor not open for writing is EBADF; a negative offset or a length
 *       of zero or less is EINVAL; it grows the object and never shrinks it; on /dev/shm it allocates
 *       the range's pages in the tmpfs, all or none: ENOSPC when they do not fit, with nothing
 *       allocated and the size unchanged ({@code posix_fallocate(fd, 0, LONG_MAX)} on any tmpfs);</li>
 *   <li>ftruncate allocates nothing (a size is not space); a shrink gives the dropped pages back;</li>
 *   <li>O_TRUNC truncates even with O_RDONLY, and asks for write permission to do so;</li>
 *   <li>shm_unlink of another user's object is EACCES (/dev/shm is sticky; glibc turns the
 *       kernel's EPERM into EACCES).</li>
 * </ul>
 */
public final class ObjectCalls {
    private final Kernel kernel;

    ObjectCalls(Kernel kernel) {
        this.kernel = kernel;
    }

    /** Models shm_open(3). */
    public OpenDescription shmOpen(KernelProcess caller, String name, int oflag, int mode) {
        String file;
        try {
            file = ShmName.objectFile(name, Errno.EINVAL, "shm_open");
        } catch (PosixException e) {
            // "." and ".." name directories that exist: O_CREAT with O_EXCL finds them there first
            int creation = OpenFlags.O_CREAT | OpenFlags.O_EXCL;
            if (e.errno() == Errno.EINVAL && ShmName.namesADirectory(name) && (oflag & creation) == creation) {
                throw PosixException.onName(Errno.EEXIST, "shm_open", name);
            }
            throw e;
        }
        MemoryObject object = openOrCreate(kernel.shmNamespace(), file, "/" + file, MemoryObject.Kind.SHARED_MEMORY,
                caller, name, oflag, mode, "shm_open");
        return caller.descriptors().add(name, oflag & OpenFlags.O_ACCMODE, object);
    }

    /** Models shm_unlink(3): the name goes; the object lives while open or mapped. */
    public void shmUnlink(KernelProcess caller, String name) {
        String file = ShmName.objectFile(name, Errno.ENOENT, "shm_unlink");
        unlink(kernel.shmNamespace(), file, caller, name, "shm_unlink");
    }

    /** Models open(2) of a regular file of the simulated file system (a flat namespace of paths). */
    public OpenDescription open(KernelProcess caller, String path, int oflag, int mode) {
        if (path == null) {
            throw PosixException.onName(Errno.EFAULT, "open", null);
        }
        if (path.isEmpty()) {
            throw PosixException.onName(Errno.ENOENT, "open", path);
        }
        MemoryObject object = openOrCreate(kernel.fileSystem(), path, path, MemoryObject.Kind.REGULAR_FILE, caller,
                path, oflag, mode, "open");
        return caller.descriptors().add(path, oflag & OpenFlags.O_ACCMODE, object);
    }

    /** Removes a regular file's name: models unlink(2). */
    public void unlinkFile(KernelProcess caller, String path) {
        unlink(kernel.fileSystem(), path, caller, path, "unlink");
    }

    /**
     * Opens the object of a name, creating it when O_CREAT allows: the core of open(2), shared by
     * shm_open and sem_open.
     */
    public MemoryObject openOrCreate(Map<String, MemoryObject> directory, String key, String objectName,
            MemoryObject.Kind kind, KernelProcess caller, String name, int oflag, int mode, String call) {
        return openOrCreate(directory, key, objectName, kind, caller, name, oflag, mode, call, "");
    }

    /**
     * The same, for a call whose creation sets more than the kind, mode and owner: {@code made} says
     * what (a semaphore's value), or is null when opening and creating differ in more than that (a
     * value sem_open refuses): what the touch log is told depends on it.
     */
    public MemoryObject openOrCreate(Map<String, MemoryObject> directory, String key, String objectName,
            MemoryObject.Kind kind, KernelProcess caller, String name, int oflag, int mode, String call, String made) {
        MemoryObject object = directory.get(key);
        boolean create = (oflag & OpenFlags.O_CREAT) != 0;
        TouchLog log = kernel.touches();
        if (log.recording()) {
            tellName(log, directory, key, object, kind, caller, oflag, mode, made);
        }
        if (object != null) {
            if (create && (oflag & OpenFlags.O_EXCL) != 0) {
                throw PosixException.onName(Errno.EEXIST, call, name);
            }
            FileMode.checkOpen(object, caller.uid(), oflag, call, name);
            if ((oflag & OpenFlags.O_TRUNC) != 0) {
                resize(object, 0);
            }
            return object;
        }
        if (!create) {
            throw PosixException.onName(Errno.ENOENT, call, name);
        }
        TmpfsSpace space = directory == kernel.shmNamespace() && kind == MemoryObject.Kind.SHARED_MEMORY ? kernel.tmpfs() : null;
        object = new MemoryObject(kernel.newId(), kind, objectName, caller.uid(), FileMode.create(mode, caller.umask()), 0,
                space);
        directory.put(key, object);
        if (log.recording()) {
            log.fresh(object.id());
        }
        return object;
    }

    /**
     * Tells the touch log what an open does to a name: an open that would create, or open, the same
     * object either way commutes with its likes ({@link TouchLog#nameEnsured}); otherwise creating
     * writes the name and opening reads it.
     */
    private void tellName(TouchLog log, Map<String, MemoryObject> directory, String key, MemoryObject object,
            MemoryObject.Kind kind, KernelProcess caller, int oflag, int mode, String made) {
        boolean create = (oflag & OpenFlags.O_CREAT) != 0;
        int plain = OpenFlags.O_EXCL | OpenFlags.O_TRUNC;
        int madeMode = FileMode.create(mode, caller.umask());
        boolean alike = create && (oflag & plain) == 0 && made != null
                && FileMode.mayOpen(madeMode, caller.uid(), caller.uid(), oflag)
                && (object == null || object.kind() == kind && object.mode() == madeMode && object.uid() == caller.uid());
        if (alike) {
            log.nameEnsured(directoryName(directory), key, kind + " " + Integer.toOctalString(madeMode) + " " + caller.uid()
                    + " " + made);
        } else {
            log.name(directoryName(directory), key, object == null && create ? Access.WRITE : Access.READ);
        }
    }

    private String directoryName(Map<String, MemoryObject> directory) {
        return directory == kernel.shmNamespace() ? "/dev/shm" : "/";
    }

    /**
     * Resizes an object, telling the touch log: a size that does not change is only read; one that
     * changes is written, with every byte from the first page it changes on (a shrink drops and zeroes
     * them).
     */
    private void resize(MemoryObject object, long newSize) {
        TouchLog log = kernel.touches();
        if (log.recording()) {
            long old = object.size();
            if (old == newSize) {
                log.objectSize(object.id(), Access.READ);
            } else {
                long from = Math.min(old, newSize);
                from -= from % Limits.PAGE_SIZE;
                log.objectSize(object.id(), Access.WRITE);
                log.memory(object.id(), from, Long.MAX_VALUE - from, Access.WRITE);
            }
        }
        object.resize(newSize);
    }

    /** The shm namespace, for calls built on it (sem_open keeps its files there). */
    public Map<String, MemoryObject> shmDirectory() {
        return kernel.shmNamespace();
    }

    /** Removes a name from a sticky directory: the owner (or root) may. */
    public void unlink(Map<String, MemoryObject> directory, String key, KernelProcess caller, String name, String call) {
        TouchLog log = kernel.touches();
        if (log.recording()) {
            log.name(directoryName(directory), key, Access.WRITE);
        }
        MemoryObject object = directory.get(key);
        if (object == null) {
            throw PosixException.onName(Errno.ENOENT, call, name);
        }
        if (caller.uid() != 0 && caller.uid() != object.uid()) {
            throw PosixException.onName(Errno.EACCES, call, name);
        }
        if (directory.remove(key, object)) {
            object.unlinked();
        }
    }

    /** Models ftruncate(2). */
    public void ftruncate(KernelProcess caller, OpenFile file, long length) {
        if (length < 0) {
            // Linux looks at the length before the descriptor
            throw new PosixException(Errno.EINVAL, "ftruncate", (file == null ? "-1" : file.fd()) + ", " + length);
        }
        OpenDescription d = caller.descriptors().get(file, "ftruncate");
        if (!d.writable()) {
            throw new PosixException(Errno.EINVAL, "ftruncate", describe(d) + ", " + length);
        }
        resize(d.object(), length);
    }

    /** Models posix_fallocate(3): grows only. */
    public void posixFallocate(KernelProcess caller, OpenFile file, long offset, long length) {
        OpenDescription d = caller.descriptors().get(file, "posix_fallocate");
        String args = describe(d) + ", " + offset + ", " + length;
        if (offset < 0 || length <= 0) {
            throw new PosixException(Errno.EINVAL, "posix_fallocate", args);
        }
        if (!d.writable()) {
            throw new PosixException(Errno.EBADF, "posix_fallocate", args);
        }
        long end = offset + length;
        if (end < 0) {
            throw new PosixException(Errno.EFBIG, "posix_fallocate", args);
        }
        TouchLog log = kernel.touches();
        if (log.recording()) {
            log.objectSize(d.object().id(), Access.READ);
        }
        if (!d.object().allocate(offset / Limits.PAGE_SIZE, MemoryObject.pagesFor(end))) {
            throw new PosixException(Errno.ENOSPC, "posix_fallocate", args);
        }
        if (end > d.object().size()) {
            resize(d.object(), end);
        }
    }

    /** Models fstat(2). */
    public FileStatus fstat(KernelProcess caller, OpenFile file) {
        MemoryObject o = caller.descriptors().get(file, "fstat").object();
        TouchLog log = kernel.touches();
        if (log.recording()) {
            log.objectSize(o.id(), Access.READ);
        }
        return new FileStatus(o.size(), o.mode(), o.uid());
    }

    /** Models close(2). */
    public void close(KernelProcess caller, OpenFile file) {
        caller.descriptors().remove(file, "close");
    }

    /** The descriptor as the trace prints it. */
    static String describe(OpenFile d) {
        return String.valueOf(d.fd());
    }
}
