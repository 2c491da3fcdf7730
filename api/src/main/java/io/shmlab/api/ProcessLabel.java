package io.shmlab.api;

/** How every run, simulated or real, names a process in what it prints: A, B, ..., Z, then P26, P27, ... */
public final class ProcessLabel {
    private ProcessLabel() {
    }

    /** The label of the process of index {@code index} (0 for A). */
    public static String of(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "P" + index;
    }
}
