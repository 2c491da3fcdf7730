package io.shmlab.api;

import java.time.Duration;

/** Durations as reports write them: {@code 10 s}, {@code 1.5 s}, {@code 250 ms}. */
public final class Durations {

    private Durations() {
    }

    /** Whole seconds as {@code 10 s}, other lengths of a second or more to a tenth, shorter ones in ms. */
    public static String inWords(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
