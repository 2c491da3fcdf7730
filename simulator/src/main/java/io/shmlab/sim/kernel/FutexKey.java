package io.shmlab.sim.kernel;

/**
 * What a futex is keyed on, as Linux keys it. A shared futex is keyed on the physical location (the
 * object and the offset in it), so two processes that map the object at different addresses meet on
 * the same futex; a private futex (FUTEX_PRIVATE_FLAG, as glibc uses for a semaphore made with
 * pshared 0) is keyed on the process's address space and the virtual address, so it never meets a
 * waiter of another process.
 *
 * @param space the object's identity for a shared futex, or the address space's for a private one
 * @param location the offset in the object (shared) or the virtual address (private)
 * @param shared which of the two it is
 */
public record FutexKey(long space, long location, boolean shared) {

    // Written out rather than generated: the generated ones are bootstrapped through invokedynamic on
    // first use, which costs milliseconds in a fresh JVM, and a futex key is hashed on every run's first
    // futex. Same values as the generated ones.
    @Override
    public boolean equals(Object o) {
        return o instanceof FutexKey k && k.space == space && k.location == location && k.shared == shared;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(space) + Long.hashCode(location)) + Boolean.hashCode(shared);
    }
}
