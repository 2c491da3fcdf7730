package io.shmlab.bench;

import java.util.Arrays;

/** The median of a few rounds of one measurement: one slow round (a busy machine) does not move it. */
final class Rounds {

    @FunctionalInterface
    interface Measurement {
        double take() throws Exception;
    }

    private Rounds() {
    }

    /** Takes {@code rounds} measurements and returns their median. */
    static double median(int rounds, Measurement measurement) throws Exception {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds=" + rounds);
        }
        double[] values = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            values[i] = measurement.take();
        }
        return median(values);
    }

    /** The median of measurements already taken. */
    static double median(double[] measurements) {
        if (measurements.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] values = measurements.clone();
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
