package io.shmlab.api;

/**
 * What one step of a process touches: the resource, whether it only reads it, and, where known, which
 * one (a name, or a range of addresses). Two steps of different processes commute (running them in
 * either order gives the same state) when their footprints do not {@linkplain #conflictsWith
 * conflict}; a partial-order reduction of the schedules decides on that.
 *
 * <p>A footprint without an identity ({@code name == null}, {@code length == 0}) stands for every
 * resource of its kind, so it conflicts with any writer of that kind: coarse, never wrong. Addresses
 * are virtual, in the address space of the step's own process; two processes' addresses cannot be
 * compared (the same object may be mapped at different addresses), so ranges are told apart only
 * between steps of one process.
 *
 * @param resource what kind of thing is touched
 * @param access {@link Access#READ} when the step only looks at it, {@link Access#WRITE} otherwise
 * @param name the name touched ({@code "/os_cp"}), or {@code null} for any
 * @param address the first address touched, for a range
 * @param length how many bytes from {@code address}; 0 for no known range
 */
public record Footprint(Resource resource, Access access, String name, long address, long length) {

    /** What a step may touch, and whether other processes can see it. */
    public enum Resource {
        /** Nothing another process can see (getpid, getuid, umask, a descriptor or a mapping of its own). */
        OWN_PROCESS(true),
        /** The names of /dev/shm and of the file system: creating, opening, removing a name. */
        NAMES(false),
        /** An open object's size and pages, through a descriptor (ftruncate, fstat, msync). */
        OBJECT(false),
        /** Bytes of shared or private memory through a mapping (a load or a store). */
        MEMORY(false),
        /** A {@code sem_t}: its value and waiter count, and the futex its waiters sleep on. */
        SEMAPHORE(false),
        /** CLOCK_REALTIME (virtual in the simulator). */
        CLOCK(false),
        /** The process's own standard output or input. */
        CONSOLE(true),
        /** The process table: starting, ending and reaping processes. */
        PROCESSES(false);

        private final boolean ownProcess;

        Resource(boolean ownProcess) {
            this.ownProcess = ownProcess;
        }

        /** Whether only the process itself sees it: steps of other processes always commute with it. */
        public boolean ownProcess() {
            return ownProcess;
        }
    }

    /** Validates. */
    public Footprint {
        if (resource == null || access == null) {
            throw new IllegalArgumentException("resource=" + resource + ", access=" + access);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length=" + length);
        }
    }

    /** Every resource of a kind, read or written. */
    public static Footprint of(Resource resource, Access access) {
        return new Footprint(resource, access, null, 0, 0);
    }

    /** The bytes {@code [address, address + length)} of the step's own address space. */
    public static Footprint range(Access access, long address, long length) {
        return new Footprint(Resource.MEMORY, access, null, address, length);
    }

    /**
     * Whether a step of another process with footprint {@code other} may not commute with this one:
     * both touch the same resource visible to both, at least one writes it, and nothing tells their
     * parts apart (two different names do; two ranges are never compared across processes).
     */
    public boolean conflictsWith(Footprint other) {
        if (resource != other.resource || resource.ownProcess()) {
            return false;
        }
        if (access == Access.READ && other.access == Access.READ) {
            return false;
        }
        return name == null || other.name == null || name.equals(other.name);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(access == Access.READ ? "reads " : "writes ").append(resource);
        if (name != null) {
            b.append(' ').append(name);
        }
        if (length > 0) {
            b.append(" [0x").append(Long.toHexString(address)).append(", +").append(length).append(')');
        }
        return b.toString();
    }
}
