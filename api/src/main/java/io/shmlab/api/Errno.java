package io.shmlab.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The error numbers of Linux on x86_64, with their {@code <errno.h>} names and numbers and the text
 * glibc's strerror(3) gives for them.
 *
 * <p>Only the numbers that the calls of this api can give are listed; a number the native backend
 * meets that is not listed becomes {@link #UNKNOWN}, and the number itself is kept by
 * {@link PosixException#number()}.
 */
public enum Errno {
    /** Operation not permitted. */
    EPERM(1, "Operation not permitted"),
    /** No such file or directory: the name is not in the namespace. */
    ENOENT(2, "No such file or directory"),
    /** No such process. */
    ESRCH(3, "No such process"),
    /** Interrupted system call: a signal arrived during a blocking call. */
    EINTR(4, "Interrupted system call"),
    /** Input/output error. */
    EIO(5, "Input/output error"),
    /** Bad file descriptor: closed, or not open for the access asked. */
    EBADF(9, "Bad file descriptor"),
    /** No child processes. */
    ECHILD(10, "No child processes"),
    /** Resource temporarily unavailable (sem_trywait on zero, as a return value here). */
    EAGAIN(11, "Resource temporarily unavailable"),
    /** Cannot allocate memory. */
    ENOMEM(12, "Cannot allocate memory"),
    /** Permission denied: the mode refuses this user, or the descriptor refuses the protection. */
    EACCES(13, "Permission denied"),
    /** Bad address. */
    EFAULT(14, "Bad address"),
    /** Device or resource busy. */
    EBUSY(16, "Device or resource busy"),
    /** File exists: O_CREAT|O_EXCL on a name that is taken. */
    EEXIST(17, "File exists"),
    /** No such device: the file cannot be mapped. */
    ENODEV(19, "No such device"),
    /** Not a directory. */
    ENOTDIR(20, "Not a directory"),
    /** Is a directory. */
    EISDIR(21, "Is a directory"),
    /** Invalid argument. */
    EINVAL(22, "Invalid argument"),
    /** Too many open files in system. */
    ENFILE(23, "Too many open files in system"),
    /** Too many open files. */
    EMFILE(24, "Too many open files"),
    /** File too large. */
    EFBIG(27, "File too large"),
    /** No space left on device. */
    ENOSPC(28, "No space left on device"),
    /** Illegal seek. */
    ESPIPE(29, "Illegal seek"),
    /** Read-only file system. */
    EROFS(30, "Read-only file system"),
    /** Numerical result out of range. */
    ERANGE(34, "Numerical result out of range"),
    /** Resource deadlock avoided. */
    EDEADLK(35, "Resource deadlock avoided"),
    /** File name too long. */
    ENAMETOOLONG(36, "File name too long"),
    /** Function not implemented (here: a call this backend cannot make, such as fork on native). */
    ENOSYS(38, "Function not implemented"),
    /** Value too large for defined data type (sem_post at SEM_VALUE_MAX). */
    EOVERFLOW(75, "Value too large for defined data type"),
    /** Operation not supported. */
    EOPNOTSUPP(95, "Operation not supported"),
    /** Connection timed out (sem_timedwait past its deadline, as a return value here). */
    ETIMEDOUT(110, "Connection timed out"),
    /** A number this enum does not list; see {@link PosixException#number()}. */
    UNKNOWN(0, "Unknown error");

    private static final Map<Integer, Errno> BY_NUMBER = new HashMap<>();

    static {
        for (Errno e : values()) {
            if (e != UNKNOWN) {
                BY_NUMBER.put(e.number, e);
            }
        }
    }

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The Linux number of this error, as in {@code <asm-generic/errno-base.h>}; 0 for UNKNOWN. */
    public int number() {
        return number;
    }

    /** The text strerror(3) gives for this error in glibc. */
    public String description() {
        return description;
    }

    /** The error with this Linux number, or {@link #UNKNOWN}. */
    public static Errno of(int number) {
        return BY_NUMBER.getOrDefault(number, UNKNOWN);
    }
}
