package io.shmlab.sim.sem;

import io.shmlab.api.Access;
import io.shmlab.api.Limits;
import io.shmlab.api.layout.SemT;
import io.shmlab.api.Semaphore;
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
 *
 * <p>Each access touches the bytes of its field alone, as glibc's instruction does: a {@code sem_t}
 * whose unused tail lies outside its mapping works, and one whose {@code private} lies outside
 * faults only when that field is reached. A pointer taken from a mapping is held to that mapping
 * ({@link SemaphorePointer#checkAccess}): past it is SIGSEGV, even where another mapping lies.
 */
final class SemaphoreCell {
    private final KernelProcess process;
    private final long address;
    private final SemaphorePointer pointer;
    /**
     * Whether accesses to {@code data} are told to the kernel's touch log as they are made; false in
     * a change of the count ({@link #counting()}), which tells what it did once it knows.
     */
    private final boolean tellsData;

    private SemaphoreCell(KernelProcess process, long address, SemaphorePointer pointer, boolean tellsData) {
        this.process = process;
        this.address = address;
        this.pointer = pointer;
        this.tellsData = tellsData;
    }

    /** The {@code sem_t} a pointer of the api points at, as {@code process} reaches it. */
    static SemaphoreCell of(KernelProcess process, Semaphore sem) {
        return new SemaphoreCell(process, sem.address(), sem instanceof SemaphorePointer p ? p : null, true);
    }

    /** The {@code sem_t} at an address, with no mapping to hold it to (a page just mapped for it). */
    static SemaphoreCell at(KernelProcess process, long address) {
        return new SemaphoreCell(process, address, null, true);
    }

    /**
     * The same {@code sem_t} for a change of its count that may commute with others (a post, a
     * wait's decrement of a positive value): its accesses to {@code data} are not told as they are
     * made; the caller tells the outcome, {@link #tellCount} or {@link #tellData}, before the call
     * ends.
     */
    SemaphoreCell counting() {
        return new SemaphoreCell(process, address, pointer, false);
    }

    /** Tells the count changed by one ({@link io.shmlab.sim.kernel.TouchLog#semaphoreCount}). */
    void tellCount(boolean up, long dataBefore) {
        process.space().tellCount(address + SemT.DATA_OFFSET, up, SemT.value(dataBefore));
    }

    /** Tells an access to {@code data} that changed no count (a value found 0, an overflow). */
    void tellData(Access access) {
        process.space().tell(address + SemT.DATA_OFFSET, SemT.DATA_SIZE, access);
    }

    /** Refuses an access of {@code size} bytes at {@code at} outside the pointer's own mapping. */
    private void checkInMapping(long at, int size, Access access) {
        if (pointer != null) {
            pointer.checkAccess(process, at - address, size, access);
        }
    }

    /**
     * Whether {@code data} is naturally aligned. x86_64 does its atomics on a misaligned word too
     * (glibc does not check), so a misaligned {@code sem_t} works; here its read-modify-writes are
     * made of plain loads and stores, which is still atomic for the semaphore because every semaphore
     * operation runs inside a system call and those never overlap.
     */
    private boolean aligned() {
        return (address + SemT.DATA_OFFSET) % Long.BYTES == 0;
    }

    /** Whether the kernel accepts the value word as a futex (it must be 4-byte aligned, else EINVAL). */
    boolean futexAligned() {
        return (address + SemT.VALUE_OFFSET) % Integer.BYTES == 0;
    }

    /** Whether an access at {@code at} is told: every one but those to {@code data} in a change of the count. */
    private boolean told(long at) {
        return tellsData || at < address + SemT.DATA_OFFSET || at >= address + SemT.DATA_OFFSET + SemT.DATA_SIZE;
    }

    private long loadBytes(long at, int size) {
        checkInMapping(at, size, Access.READ);
        for (int i = 0; i < size; i++) {
            // the lowest byte that cannot be read is where the load faults
            process.space().frameAt(at + i, Access.READ);
        }
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (process.space().frameAt(at + i, Access.READ).getByte(inPage(at + i)) & 0xFF);
        }
        if (told(at)) {
            for (int i = 0; i < size; i++) {
                process.space().tell(at + i, 1, Access.READ);
            }
        }
        return value;
    }

    private void storeBytes(long at, int size, long value) {
        checkInMapping(at, size, Access.WRITE);
        for (int i = 0; i < size; i++) {
            // check the whole word is writable before the first byte changes
            process.space().frameAt(at + i, Access.WRITE);
        }
        for (int i = 0; i < size; i++) {
            process.space().frameAt(at + i, Access.WRITE).putByte(inPage(at + i), (byte) (value >>> (8 * i)));
        }
        if (told(at)) {
            for (int i = 0; i < size; i++) {
                process.space().tell(at + i, 1, Access.WRITE);
            }
        }
    }

    long address() {
        return address;
    }

    KernelProcess process() {
        return process;
    }

    /** The frame of a naturally aligned field (so within one page), the access told unless it is a count's. */
    private PageFrame frame(int field, int size, Access access) {
        checkInMapping(address + field, size, access);
        PageFrame frame = process.space().frameAt(address + field, access);
        if (told(address + field)) {
            process.space().tell(address + field, size, access);
        }
        return frame;
    }

    private static int inPage(long at) {
        return (int) (at % Limits.PAGE_SIZE);
    }

    /** {@code atomic_load(&sem->data)}. */
    long loadData() {
        long at = address + SemT.DATA_OFFSET;
        if (!aligned()) {
            return loadBytes(at, Long.BYTES);
        }
        return frame(SemT.DATA_OFFSET, Long.BYTES, Access.READ).getLongAcquire(inPage(at));
    }

    /** {@code data} as the kernel sees it for a report: no fault, no side effect (0 if unreadable). */
    long peekData() {
        return process.space().peekLong(address + SemT.DATA_OFFSET);
    }

    /** The 32-bit futex word, as the kernel reads it in futex_wait. */
    int loadValueWord() {
        long at = address + SemT.VALUE_OFFSET;
        if (!futexAligned()) {
            return (int) loadBytes(at, Integer.BYTES);
        }
        return frame(SemT.VALUE_OFFSET, Integer.BYTES, Access.READ).getIntAcquire(inPage(at));
    }

    /** {@code atomic_compare_exchange(&sem->data, expected, value)}: returns the value found. */
    long compareAndExchangeData(long expected, long value) {
        long at = address + SemT.DATA_OFFSET;
        if (!aligned()) {
            checkInMapping(at, Long.BYTES, Access.WRITE);
            long found = loadBytes(at, Long.BYTES);
            if (found == expected) {
                storeBytes(at, Long.BYTES, value);
            } else {
                storeBytes(at, Long.BYTES, found);
            }
            return found;
        }
        return frame(SemT.DATA_OFFSET, Long.BYTES, Access.WRITE).compareAndExchangeLong(inPage(at), expected, value);
    }

    /** {@code atomic_fetch_add(&sem->data, delta)}. */
    long getAndAddData(long delta) {
        long at = address + SemT.DATA_OFFSET;
        if (!aligned()) {
            checkInMapping(at, Long.BYTES, Access.WRITE);
            long found = loadBytes(at, Long.BYTES);
            storeBytes(at, Long.BYTES, found + delta);
            return found;
        }
        return frame(SemT.DATA_OFFSET, Long.BYTES, Access.WRITE).getAndAddLong(inPage(at), delta);
    }

    void storeData(long data) {
        long at = address + SemT.DATA_OFFSET;
        if (!aligned()) {
            storeBytes(at, Long.BYTES, data);
            return;
        }
        frame(SemT.DATA_OFFSET, Long.BYTES, Access.WRITE).putLong(inPage(at), data);
    }

    int loadPrivate() {
        long at = address + SemT.PRIVATE_OFFSET;
        if (at % Integer.BYTES != 0) {
            return (int) loadBytes(at, Integer.BYTES);
        }
        return frame(SemT.PRIVATE_OFFSET, Integer.BYTES, Access.READ).getInt(inPage(at));
    }

    void storePrivate(int value) {
        storeBytes(address + SemT.PRIVATE_OFFSET, Integer.BYTES, value);
    }

    /**
     * The futex the value word is, as Linux keys it for the flag in {@code private}: a shared futex in
     * a shared mapping of an object is the object and the offset; anything else (a private futex, or
     * a shared one in private memory) is this address space and the address.
     */
    FutexKey futexKey() {
        return key(loadPrivate() == SemT.FUTEX_SHARED);
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
