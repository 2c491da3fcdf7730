package io.shmlab.sim.sched;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Trace} as a timeline: one column per process, one row per step, in the order the
 * steps ran. A call that blocks is marked {@code ~~ blocks}, the column stays marked {@code :} while
 * the process waits, and the row where it goes on starts with {@code ->}. Warnings follow their row
 * with a {@code !}; the ending (the deadlock, with the call each process is blocked in) closes it.
 *
 * <pre>
 *    #  time     A                                B
 *    0  +0.000s  shm_open("/myData", ...) = 3
 *    1                                            shm_open("/myData", ...) = -1 EEXIST
 *   ...
 *    7           sem_wait(0x7f0000000000) ~~ blocks
 *    8           :                                sem_init(0x7f0000100000, 1, 1) = 0
 * </pre>
 */
public final class Timeline {

    /** How wide a whole timeline may be, in characters: a wide terminal. */
    public static final int LINE_WIDTH = 140;

    private Timeline() {
    }

    /**
     * The timeline with cells as wide as {@link #LINE_WIDTH} allows for its number of processes
     * (between 24 and 64 characters; longer cells are cut with "...").
     */
    public static String render(Trace trace) {
        int processes = Math.max(1, trace.labels().size());
        return render(trace, Math.max(24, Math.min(64, (LINE_WIDTH - 12) / processes)));
    }

    /** The timeline with cells at most {@code width} characters wide (at least 8). */
    public static String render(Trace trace, int width) {
        if (width < 8) {
            throw new IllegalArgumentException("width=" + width);
        }
        List<String> labels = trace.labels();
        int n = labels.size();
        List<String[]> rows = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<List<String>> warnings = new ArrayList<>();
        boolean[] waiting = new boolean[n];
        long lastClock = Long.MIN_VALUE;
        long start = VirtualClock.EPOCH_NANOS;
        for (Step s : trace.steps()) {
            int column = labels.indexOf(s.process());
            String[] cells = new String[n];
            for (int i = 0; i < n; i++) {
                cells[i] = waiting[i] ? ":" : "";
            }
            cells[column] = cut(printable(cell(s)), width);
            waiting[column] = s.kind() == Step.Kind.BLOCKED;
            rows.add(cells);
            times.add(s.clockNanos() == lastClock ? "" : seconds(s.clockNanos() - start));
            lastClock = s.clockNanos();
            warnings.add(s.warnings().stream().map(w -> s.process() + ": " + w).toList());
        }
        String[] header = new String[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            header[i] = labels.get(i) + " (pid " + trace.pids().get(i) + ")";
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int indexWidth = Math.max(1, String.valueOf(Math.max(0, rows.size() - 1)).length());
        int timeWidth = Math.max(4, times.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        line(out, pad("#", indexWidth, true), pad("time", timeWidth, false), header, widths);
        for (int r = 0; r < rows.size(); r++) {
            line(out, pad(String.valueOf(r), indexWidth, true), pad(times.get(r), timeWidth, false), rows.get(r),
                    widths);
            for (String w : warnings.get(r)) {
                out.append(" ".repeat(indexWidth)).append("  ! warning, ").append(w).append('\n');
            }
        }
        out.append(trace.ending()).append('\n');
        return out.toString();
    }

    private static String cell(Step s) {
        StringBuilder b = new StringBuilder();
        switch (s.kind()) {
            case CALL -> b.append(s.callText()).append(" = ").append(s.result());
            case BLOCKED -> b.append(s.callText()).append(" ~~ blocks");
            case RESUMED -> b.append("-> ").append(s.call().cName()).append(" = ").append(s.result());
            case ACCESS -> b.append(s.call().cName()).append(' ').append(s.arguments());
            case EXIT -> b.append("(ends)");
        }
        for (String note : s.notes()) {
            b.append(" [").append(note).append(']');
        }
        return b.toString();
    }

    /** Control characters (a printed newline) as C escapes, so that a call stays on its line. */
    public static String printable(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c != 0x7f) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            }
        }
        return b == null ? text : b.toString();
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "+%d.%03ds", nanos / 1_000_000_000L, (nanos / 1_000_000L) % 1000);
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }

    private static void line(StringBuilder out, String index, String time, String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder().append(index).append("  ").append(time);
        for (int i = 0; i < cells.length; i++) {
            b.append("  ").append(i == cells.length - 1 ? cells[i] : pad(cells[i], widths[i], false));
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(b, 0, end).append('\n');
    }
}
