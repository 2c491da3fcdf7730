package io.shmlab.api;

/**
 * The mmap(2) / mprotect(2) protections, with their Linux values. On x86_64 a PROT_WRITE mapping can
 * also be read (the page tables cannot express write-only); both backends follow that.
 */
public final class Protection {
    /** No access at all: every access is SIGSEGV. */
    public static final int PROT_NONE = 0;
    /** Pages may be read. */
    public static final int PROT_READ = 1;
    /** Pages may be written (and, on x86_64, read). */
    public static final int PROT_WRITE = 2;
    /** Pages may be executed (accepted, meaningless here). */
    public static final int PROT_EXEC = 4;

    private Protection() {
    }

    /** True when a load from a mapping with this protection succeeds on x86_64. */
    public static boolean allowsRead(int prot) {
        return (prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) != 0;
    }

    /** True when a store to a mapping with this protection succeeds. */
    public static boolean allowsWrite(int prot) {
        return (prot & PROT_WRITE) != 0;
    }

    /** The protection as C would write it, e.g. {@code PROT_READ|PROT_WRITE}. */
    public static String describe(int prot) {
        if (prot == PROT_NONE) {
            return "PROT_NONE";
        }
        StringBuilder s = new StringBuilder();
        if ((prot & PROT_READ) != 0) {
            s.append("PROT_READ");
        }
        if ((prot & PROT_WRITE) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("PROT_WRITE");
        }
        if ((prot & PROT_EXEC) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("PROT_EXEC");
        }
        return s.toString();
    }
}
