package io.shmlab.libc;

import io.shmlab.api.Access;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Semaphore;
import io.shmlab.api.layout.SemT;

/**
 * A {@code sem_t *} of this process: a named semaphore (the page glibc maps from
 * {@code /dev/shm/sem.NAME}) or a pointer into a {@link NativeMapping}, with the loads and stores
 * {@link SemaphoreProtocol} makes on its two fields, {@code data} and {@code private}
 * ({@link SemT}).
 *
 * <p>Each access is checked first as the MMU would check it, for the bytes of that field alone (what
 * glibc's instruction touches), so a dangling pointer, a field past the mapping or past the object's
 * end, or a store into a read-only mapping is a {@link MemoryFault} before memory is touched. The
 * one fault a check cannot foresee, another process cutting the object between the check and the
 * access, is a real SIGBUS, taken by Java code: HotSpot reports it as an {@link InternalError}, which
 * {@link #pageGone} turns into the {@link io.shmlab.api.BusError} C would get.
 */
final class NativeSemaphore implements Semaphore {
    private static final long DATA = SemT.DATA_OFFSET;
    private static final long PRIVATE = SemT.PRIVATE_OFFSET;

    private final String name;
    private final long address;
    private final NamedSemaphoreMapping named;
    private final NativeMapping mapping;
    private final long offset;
    private final String description;
    private final String waitCall;
    private final String timedwaitCall;

    private NativeSemaphore(String name, long address, NamedSemaphoreMapping named, NativeMapping mapping, long offset) {
        this.name = name;
        this.address = address;
        this.named = named;
        this.mapping = mapping;
        this.offset = offset;
        this.description = describe();
        this.waitCall = "sem_wait(" + description + ")";
        this.timedwaitCall = "sem_timedwait(" + description + ")";
    }

    /** The semaphore sem_open(3) returned. */
    static NativeSemaphore named(String name, NamedSemaphoreMapping named) {
        return new NativeSemaphore(name, named.address, named, null, 0);
    }

    /** A pointer to the sem_t at {@code offset} in the mapping: {@code &data->sem}. */
    static NativeSemaphore inMapping(NativeMapping mapping, long offset) {
        return new NativeSemaphore(null, mapping.address() + offset, null, mapping, offset);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long address() {
        return address;
    }

    /** How errors name it: cached {@link #describe()}. */
    String description() {
        return description;
    }

    /** The call as a report of a blocked process names it: {@code sem_wait("/name")}. */
    String waitCall() {
        return waitCall;
    }

    /** The same for sem_timedwait. */
    String timedwaitCall() {
        return timedwaitCall;
    }

    NamedSemaphoreMapping namedMapping() {
        return named;
    }

    boolean isNamed() {
        return named != null;
    }

    // ------------------------------------------------------------------ the fields

    /** {@code atomic_load(&sem->data)}: the value (low half) and the number of waiters (high half). */
    long loadData() {
        long at = checkedAddress(DATA, SemT.DATA_SIZE, Access.READ);
        try {
            return NativeMemory.getLongVolatile(at);
        } catch (InternalError e) {
            throw pageGone(e, DATA, Access.READ);
        }
    }

    /** {@code sem->private}: the futex flag. */
    int loadPrivate() {
        long at = checkedAddress(PRIVATE, Integer.BYTES, Access.READ);
        try {
            return NativeMemory.getInt(at);
        } catch (InternalError e) {
            throw pageGone(e, PRIVATE, Access.READ);
        }
    }

    /** {@code atomic_compare_exchange(&sem->data, expected, value)}: true when it stored. */
    boolean compareAndSetData(long expected, long value) {
        long at = checkedAddress(DATA, SemT.DATA_SIZE, Access.WRITE);
        try {
            return NativeMemory.compareAndSetLong(at, expected, value);
        } catch (InternalError e) {
            throw pageGone(e, DATA, Access.WRITE);
        }
    }

    /** {@code atomic_fetch_add(&sem->data, delta)}: returns what it found. */
    long getAndAddData(long delta) {
        long at = checkedAddress(DATA, SemT.DATA_SIZE, Access.WRITE);
        try {
            return NativeMemory.getAndAddLong(at, delta);
        } catch (InternalError e) {
            throw pageGone(e, DATA, Access.WRITE);
        }
    }

    /** {@code sem->data = data}. */
    void storeData(long data) {
        long at = checkedAddress(DATA, SemT.DATA_SIZE, Access.WRITE);
        try {
            NativeMemory.putLongVolatile(at, data);
        } catch (InternalError e) {
            throw pageGone(e, DATA, Access.WRITE);
        }
    }

    /** {@code sem->private = flag}. */
    void storePrivate(int flag) {
        long at = checkedAddress(PRIVATE, Integer.BYTES, Access.WRITE);
        try {
            NativeMemory.putInt(at, flag);
        } catch (InternalError e) {
            throw pageGone(e, PRIVATE, Access.WRITE);
        }
    }

    /**
     * Asks the kernel the size of the file whose page this {@code sem_t} lies in, so that the checks
     * that follow see a cut another process made (see {@link NativeSettings#CHECK_SEMAPHORE_FILES}).
     */
    void askFileSize(MappedObjects objects) {
        MappedObject object = mapping != null ? mapping.object() : named.file();
        if (object != null && !object.isAnonymous()) {
            objects.refresh(object);
        }
    }

    /** The futex word: the value, the low half of {@code data} on a little-endian machine. */
    long futexWord() {
        return address + DATA;
    }

    /**
     * The {@link io.shmlab.api.BusError} of an access to the field at {@code field} whose page is
     * gone: after a real SIGBUS that HotSpot reported (anything else is thrown on), or when the
     * kernel could not read the futex word (EFAULT).
     */
    RuntimeException pageGone(Throwable cause, long field, Access access) {
        if (cause != null && !NativeMemory.isUnsafeAccessFault(cause)) {
            if (cause instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) cause;
        }
        RuntimeException fault;
        if (mapping != null) {
            fault = mapping.pastEndOf(offset + field, access);
        } else {
            fault = named.pastEnd(field, access, description);
        }
        if (cause != null) {
            fault.initCause(cause);
        }
        return fault;
    }

    private long checkedAddress(long field, long size, Access access) {
        if (mapping != null) {
            return mapping.checkedAddress(offset + field, size, access);
        }
        if (!named.isMapped()) {
            throw SegmentationFault.afterLastSemClose(access, address + field, field, description);
        }
        named.checkInsideFile(field, size, access, description);
        return address + field;
    }

    @Override
    public String toString() {
        return "sem_t at " + description;
    }
}
