package io.shmlab.libc;

/**
 * The page glibc maps for a named semaphore, shared by every handle of this process that opened the
 * name: glibc returns the same {@code sem_t *} for the same name while it is open, counts the opens,
 * and unmaps it at the last sem_close(3). Using a handle after that would touch unmapped memory, so
 * it is refused first with SIGSEGV.
 */
final class NamedSemaphoreMapping {
    final long address;
    private volatile int opens;

    NamedSemaphoreMapping(long address) {
        this.address = address;
    }

    boolean isMapped() {
        return opens > 0;
    }

    int opens() {
        return opens;
    }

    void opened() {
        opens++;
    }

    void closed() {
        opens--;
    }
}
