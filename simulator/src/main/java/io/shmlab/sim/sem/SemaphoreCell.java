package io.shmlab.sim.sem;

import io.shmlab.api.Access;
import io.shmlab.api.Limits;
import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.PageFrame;
import io.shmlab.sim.kernel.VirtualMemoryArea;

/**
 * The {@code sem_t} at a virtual address of one process, reached the way the C library reaches it:
 * every load and store goes through that process's page tables, so a semaphore in a PROT_READ
 * mapping faults on the first store, one in unmapped memory faults on the first load, and one past the
 * end of its object is SIGBUS. Nothing is cached: each access resolves the page again, as a
 * copy-on-write fault may change it.
 */
final class SemaphoreCell {
    private final KernelProcess process;
    private final long address;

    SemaphoreCell(KernelProcess process, long address) {
        if (address % SemaphoreDescriptor.ALIGNMENT != 0) {
            throw new IllegalArgumentException("misaligned sem_t: address=0x" + Long.toHexString(address));
        }
        this.process = process;
        this.address = address;
    }

    long address() {
        return address;
    }

    private PageFrame frame(int field, Access access) {
        return process.space().frameAt(address + field, access);
    }

    private static int inPage(long at) {
        return (int) (at % Limits.PAGE_SIZE);
    }

    /** {@code atomic_load(&sem->data)}. */
    long loadData() {
        long at = address + SemaphoreDescriptor.DATA_OFFSET;
        return frame(SemaphoreDescriptor.DATA_OFFSET, Access.READ).getLongAcquire(inPage(at));
    }

    /** The 32-bit futex word, as the kernel reads it in futex_wait. */
    int loadValueWord() {
        long at = address + SemaphoreDescriptor.VALUE_OFFSET;
        return frame(SemaphoreDescriptor.VALUE_OFFSET, Access.READ).getIntAcquire(inPage(at));
    }

    /** {@code atomic_compare_exchange(&sem->data, expected, value)}: returns the value found. */
    long compareAndExchangeData(long expected, long value) {
        long at = address + SemaphoreDescriptor.DATA_OFFSET;
        return frame(SemaphoreDescriptor.DATA_OFFSET, Access.WRITE).compareAndExchangeLong(inPage(at), expected, value);
    }

    /** {@code atomic_fetch_add(&sem->data, delta)}. */
    long getAndAddData(long delta) {
        long at = address + SemaphoreDescriptor.DATA_OFFSET;
        return frame(SemaphoreDescriptor.DATA_OFFSET, Access.WRITE).getAndAddLong(inPage(at), delta);
    }

    void storeData(long data) {
        long at = address + SemaphoreDescriptor.DATA_OFFSET;
        frame(SemaphoreDescriptor.DATA_OFFSET, Access.WRITE).putLong(inPage(at), data);
    }

    int loadPrivate() {
        long at = address + SemaphoreDescriptor.PRIVATE_OFFSET;
        return frame(SemaphoreDescriptor.PRIVATE_OFFSET, Access.READ).getInt(inPage(at));
    }

    void storePrivate(int value) {
        long at = address + SemaphoreDescriptor.PRIVATE_OFFSET;
        frame(SemaphoreDescriptor.PRIVATE_OFFSET, Access.WRITE).putInt(inPage(at), value);
    }

    /**
     * The futex the value word is, as Linux keys it for the flag in {@code private}: a shared futex in
     * a shared mapping of an object is the object and the offset; anything else (a private futex, or
     * a shared one in private memory) is this address space and the address.
     */
    FutexKey futexKey() {
        return key(loadPrivate() == SemaphoreDescriptor.FUTEX_SHARED);
    }

    /** Where the semaphore physically is, whatever its flag says: how misuse is tracked. */
    FutexKey location() {
        return key(true);
    }

    private FutexKey key(boolean shared) {
        VirtualMemoryArea area = process.space().find(address);
        if (shared && area != null && area.shared() && area.object() != null) {
            return new FutexKey(area.object().id(), area.objectOffset(address - area.start()), true);
        }
        return new FutexKey(process.space().id(), address, false);
    }
}
