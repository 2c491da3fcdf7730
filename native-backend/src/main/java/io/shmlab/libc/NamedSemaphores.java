package io.shmlab.libc;

import java.util.HashMap;
import java.util.Map;

/** The named semaphores this process has open, by the address glibc returned for them. */
final class NamedSemaphores {
    private final Map<Long, NamedSemaphoreMapping> byAddress = new HashMap<>();

    /** sem_open(3) returned {@code address}: one more open of it. */
    synchronized NamedSemaphoreMapping opened(long address) {
        NamedSemaphoreMapping m = byAddress.computeIfAbsent(address, NamedSemaphoreMapping::new);
        m.opened();
        return m;
    }

    /** sem_close(3) of it succeeded: one open less; true when glibc unmapped it (at zero). */
    synchronized boolean closed(NamedSemaphoreMapping m) {
        m.closed();
        if (m.opens() == 0) {
            byAddress.remove(m.address);
            return true;
        }
        return false;
    }
}
