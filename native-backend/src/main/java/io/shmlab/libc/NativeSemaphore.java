package io.shmlab.libc;

import io.shmlab.api.Access;
import io.shmlab.api.FaultKind;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.Semaphore;

/**
 * A {@code sem_t *} of this process: a named semaphore (the page glibc maps from
 * {@code /dev/shm/sem.NAME}) or a pointer into a {@link NativeMapping}. Before glibc is handed the
 * pointer, {@link #checkedAddress} makes the check the MMU would make of glibc's access, so a dangling
 * pointer is a {@link MemoryFault}, not a signal in the JVM.
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

    /** The address, once the access glibc will make through it is known to be safe. */
    long checkedAddress(Access access) {
        if (mapping != null) {
            return mapping.semaphoreAddress(offset, access);
        }
        if (!named.isMapped()) {
            throw MemoryFault.of(FaultKind.NOT_MAPPED, access, address, 0,
                    "through the named semaphore " + description + " after its last sem_close");
        }
        return address;
    }

    @Override
    public String toString() {
        return "sem_t at " + description;
    }
}
