package io.shmlab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a namespace of shared memory objects and named semaphores, the host's or a simulated
 * machine's, the same way: one line per entry (name, kind, size, where known the pages it holds of the
 * tmpfs, mode, owner, age, who has it open or mapped, and for a semaphore its value and waiters), then
 * a hint for each semaphore whose value is 0 while no process has it open: its holder may have died
 * inside the critical section.
 */
final class ShmListing {

    private ShmListing() {
    }

    /** The lines of a listing. */
    static List<String> lines(String where, List<ShmEntryInfo> entries) {
        List<String> lines = new ArrayList<>();
        long semaphores = entries.stream().filter(ShmEntryInfo::semaphore).count();
        lines.add(where + ": " + (entries.size() - semaphores) + " object(s), " + semaphores + " named semaphore(s)");
        if (entries.isEmpty()) {
            return lines;
        }
        int nameWidth = Math.max(4, entries.stream().mapToInt(e -> e.name().length()).max().orElse(4));
        boolean allocation = entries.stream().anyMatch(e -> e.allocatedPages() >= 0);
        String format = "  %-" + nameWidth + "s  %-9s  %10s" + (allocation ? "  %9s" : "%s") + "  %4s  %-8s  %6s  %-14s  %s";
        lines.add(String.format(format, "NAME", "KIND", "SIZE", allocation ? "ALLOCATED" : "", "MODE", "OWNER", "AGE",
                "VALUE/WAITERS", "OPEN OR MAPPED BY").stripTrailing());
        List<String> hints = new ArrayList<>();
        for (ShmEntryInfo e : entries) {
            String semaphore = e.semaphore() ? e.semValue() + "/" + e.semWaiters() : "-";
            String users = e.users().isEmpty() ? "-" : String.join(", ", e.users());
            String allocated = !allocation ? "" : e.allocatedPages() < 0 ? "-" : e.allocatedPages() + " pg";
            lines.add(String.format(format, e.name(), e.semaphore() ? "semaphore" : "object", e.size(), allocated,
                    String.format("%04o", e.mode()), e.owner(), age(e.age()), semaphore, users).stripTrailing());
            if (e.semaphore() && e.semValue() == 0 && e.users().isEmpty()) {
                hints.add("  holder died? semaphore " + e.name() + " is 0 and no process has it open: whoever took it"
                        + " ended without posting it; the next sem_wait on it blocks for ever (shmlab rm " + e.name()
                        + " to start afresh)");
            } else if (e.semaphore() && e.semWaiters() > 0 && e.semValue() == 0) {
                hints.add("  semaphore " + e.name() + " has " + e.semWaiters() + " waiter(s) and value 0: they sleep until"
                        + " someone posts it");
            }
        }
        lines.addAll(hints);
        return lines;
    }

    /** {@code 12s}, {@code 5m}, {@code 3h}, {@code 2d}. */
    static String age(Duration age) {
        if (age == null) {
            return "-";
        }
        long s = Math.max(0, age.toSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 120 * 60) {
            return s / 60 + "m";
        }
        if (s < 48 * 3600) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }
}
