package io.shmlab.libc;

import io.shmlab.api.Access;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.SegmentationFault;
import io.shmlab.api.Semaphore;
import io.shmlab.api.layout.SemT;

/**
 * A {@code sem_t *} of this process: a named semaphore (the page glibc maps from
 * {@code /dev/shm/sem.NAME}) or a pointer into a {@link NativeMapping}. Before glibc is handed the
 * pointer, {@link #loadableAddress} and {@link #storableAddress} make the checks the MMU would make
 * of glibc's accesses, in glibc's order, so a dangling pointer is a {@link MemoryFault}, not a signal
 * in the JVM.
 */
final class NativeSemaphore implements Semaphore {
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

    /**
     * The address, once glibc's first access, a load of the {@code data} word (every call but
     * sem_init and sem_destroy starts with it), is known to be safe.
     */
    long loadableAddress() {
        return checkedAddress(SemT.DATA_SIZE, Access.READ);
    }

    /** The address, once a store to the first {@code touched} bytes is known to be safe. */
    long storableAddress(long touched) {
        return checkedAddress(touched, Access.WRITE);
    }

    /**
     * Whether glibc may store into it: false in a mapping without PROT_WRITE, where glibc's store
     * would be a SIGSEGV in the JVM. A named semaphore is always mapped read-write by glibc.
     */
    boolean allowsStores() {
        return mapping == null || mapping.allowsStores();
    }

    /** The value, loaded through the checked mapping (for a semaphore glibc must not store into). */
    long loadValue() {
        return SemT.value(loadData());
    }

    /** The {@code data} word (value and waiter count), loaded with the checks of a load. */
    long loadData() {
        if (mapping != null) {
            return mapping.getLong(offset + SemT.DATA_OFFSET);
        }
        return NativeMemory.getLongVolatile(loadableAddress() + SemT.DATA_OFFSET);
    }

    /** The {@code private} field glibc reads before a futex call, loaded with the checks of a load. */
    int loadPrivate() {
        if (mapping != null) {
            return mapping.getInt(offset + SemT.PRIVATE_OFFSET);
        }
        long at = checkedAddress(SemT.PRIVATE_OFFSET + Integer.BYTES, Access.READ);
        return NativeMemory.getInt(at + SemT.PRIVATE_OFFSET);
    }

    private long checkedAddress(long touched, Access access) {
        if (mapping != null) {
            return mapping.semaphoreAddress(offset, touched, access);
        }
        if (!named.isMapped()) {
            throw SegmentationFault.afterLastSemClose(access, address, 0, description);
        }
        named.checkInsideFile(touched, access, description);
        return address;
    }

    @Override
    public String toString() {
        return "sem_t at " + description;
    }
}
