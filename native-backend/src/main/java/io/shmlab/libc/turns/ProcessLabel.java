package io.shmlab.libc.turns;

/** How the runs on real processes name a process in what they print: A, B, ..., Z, then P26, P27, ... */
public final class ProcessLabel {
    private ProcessLabel() {
    }

    /** The label of the process of index {@code index} (0 for A), as the simulator labels its processes. */
    public static String of(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "P" + index;
    }
}
