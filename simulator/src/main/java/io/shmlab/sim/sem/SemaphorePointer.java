package io.shmlab.sim.sem;

import io.shmlab.api.Semaphore;

/**
 * A {@code sem_t *} in the simulator: an address, and the name for one from sem_open(3). Like a C
 * pointer it is interpreted in the address space of the process that uses it.
 */
public record SemaphorePointer(String name, long address) implements Semaphore {
    @Override
    public String toString() {
        return describe();
    }
}
