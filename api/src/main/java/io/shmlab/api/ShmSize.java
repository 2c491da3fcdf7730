package io.shmlab.api;

import java.util.Locale;

/**
 * The capacity of /dev/shm: the tmpfs that holds shared memory objects and named semaphores, whose
 * pages are allocated when first touched (a load or a store through a mapping, posix_fallocate(3), the
 * write of a semaphore's {@code sem.NAME} file) and never by ftruncate(2). Written as tmpfs's
 * {@code size=} option and Docker's {@code --shm-size} write it: a number of bytes with an optional
 * binary suffix, {@code k}, {@code m}, {@code g} or {@code t} ({@code 64m} is Docker's default, 64 MiB).
 * A size is rounded up to whole pages, as tmpfs rounds it.
 *
 * <p>{@link #NOMINAL} is the simulator's default: Linux gives a tmpfs half the RAM unless told, which
 * differs from machine to machine; a fixed figure keeps a schedule the same on every machine.
 */
public final class ShmSize {
    /** 8 GiB: the simulator's /dev/shm unless another size is given. */
    public static final ShmSize NOMINAL = new ShmSize(8L << 30);

    private final long bytes;

    private ShmSize(long bytes) {
        this.bytes = bytes;
    }

    /**
     * A capacity of at least one page.
     *
     * @throws IllegalArgumentException for less than one byte
     */
    public static ShmSize ofBytes(long bytes) {
        if (bytes < 1 || bytes > Long.MAX_VALUE - Limits.PAGE_SIZE) {
            throw new IllegalArgumentException("a /dev/shm of " + bytes + " bytes: give at least 1 byte (one page)");
        }
        return new ShmSize(bytes);
    }

    /** A capacity of this many pages. */
    public static ShmSize ofPages(long pages) {
        if (pages < 1 || pages > Long.MAX_VALUE / Limits.PAGE_SIZE / 2) {
            throw new IllegalArgumentException("a /dev/shm of " + pages + " pages: give at least one");
        }
        return new ShmSize(pages * Limits.PAGE_SIZE);
    }

    /**
     * Reads a size as {@code --shm-size} and tmpfs's {@code size=} take it: {@code 64m}, {@code 1m},
     * {@code 512k}, {@code 2g}, {@code 1048576}.
     *
     * @throws IllegalArgumentException saying what is wrong, for anything else (0 included: tmpfs
     *     would take it as "no limit")
     */
    public static ShmSize parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ib")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("b") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                case 't' -> shift = 40;
                default -> shift = -1;
            }
            if (shift >= 0) {
                t = t.substring(0, t.length() - 1);
            } else {
                shift = 0;
            }
        }
        long number;
        try {
            if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
                throw new NumberFormatException();
            }
            number = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quoted(text) + " is not a size: give bytes, or a number with k, m, g or t"
                    + " (64m is Docker's default)");
        }
        if (number == 0) {
            throw new IllegalArgumentException(quoted(text) + ": a /dev/shm needs at least one page (tmpfs takes 0 as no limit)");
        }
        if (number > (Long.MAX_VALUE >> shift) / 2) {
            throw new IllegalArgumentException(quoted(text) + " is too large");
        }
        return new ShmSize(number << shift);
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    /** The size asked for, in bytes (before rounding up to pages). */
    public long bytes() {
        return bytes;
    }

    /** How many pages it holds: the size rounded up to whole pages. */
    public long pages() {
        return Limits.pageAlignUp(bytes) / Limits.PAGE_SIZE;
    }

    /**
     * The size as {@code --shm-size} takes it, in the largest unit that holds it whole: {@code 1m},
     * {@code 512k}, {@code 8g}, {@code 4096}.
     */
    public String option() {
        long b = pages() * Limits.PAGE_SIZE;
        String[] units = {"t", "g", "m", "k"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (b % (1L << shifts[i]) == 0) {
                return (b >> shifts[i]) + units[i];
            }
        }
        return String.valueOf(b);
    }

    /** The option tmpfs takes: {@code size=1048576}. */
    public String mountOption() {
        return "size=" + pages() * Limits.PAGE_SIZE;
    }

    /** What a user reads: {@code 1 MiB}, {@code 64 MiB}, {@code 8 GiB}, {@code 12 KiB}, {@code 100 bytes}. */
    public String describe() {
        return bytes(pages() * Limits.PAGE_SIZE);
    }

    /** A number of bytes as a user reads it: {@code 1 MiB}, {@code 1.5 MiB}, {@code 12 KiB}, {@code 0 bytes}. */
    public static String bytes(long count) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (count < 1024) {
            return count + " bytes";
        }
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShmSize other && other.pages() == pages();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(pages());
    }

    /** {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }
}
