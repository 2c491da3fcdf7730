package io.shmlab.bench;

import java.util.Locale;

/**
 * One row of the benchmark table: what shmlab measured, the reference measured in the same run, and
 * their ratio. {@code higherIsBetter} says which way the ratio is read.
 */
record Figure(String name, double shmlab, double reference, String unit, boolean higherIsBetter, String note) {

    /** shmlab / reference. */
    double ratio() {
        return shmlab / reference;
    }

    /** The row as Markdown. */
    String row() {
        String ref = Double.isNaN(reference) ? "—" : format(reference);
        String ratio = Double.isNaN(reference) ? "—" : String.format(Locale.ROOT, "%.2fx", ratio());
        return "| " + name + " | " + format(shmlab) + " " + unit + " | " + ref + (Double.isNaN(reference) ? "" : " " + unit)
                + " | " + ratio + " | " + note + " |";
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
