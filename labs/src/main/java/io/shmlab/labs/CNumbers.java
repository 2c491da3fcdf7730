package io.shmlab.labs;

/** Numbers read from text the way C's atoi(3) reads them. */
final class CNumbers {

    private CNumbers() {
    }

    /**
     * atoi(3): skips leading white space, takes an optional sign and then the digits that follow,
     * ignores the rest; no digits gives 0. Out of range wraps as glibc's strtol-then-cast does on
     * x86_64 (the long is clamped, then cut to int).
     */
    static int atoi(String text) {
        return (int) atol(text);
    }

    /** atol(3): as {@link #atoi}, without the cut to int (out of range clamps, as strtol does). */
    static long atol(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        boolean clamped = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            if (!clamped) {
                int digit = text.charAt(i) - '0';
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    clamped = true;
                } else {
                    value = value * 10 + digit;
                }
            }
            i++;
        }
        if (clamped) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -value : value;
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
