package io.shmlab.bench;

import java.util.Locale;

/**
 * One row of the benchmark table: what shmlab measured, the reference measured in the same run (or,
 * where the note says so, a target), and their ratio. {@code higherIsBetter} says which way the
 * ratio is read.
 */
record Figure(String name, double shmlab, double reference, String unit, boolean higherIsBetter, String note) {

    /** shmlab / reference; NaN when there is no reference or it is zero. */
    double ratio() {
        return Double.isNaN(reference) || reference == 0 ? Double.NaN : shmlab / reference;
    }

    /** The same figure with its number in front of its name: "2. ring buffer ...". */
    Figure numbered(int figure) {
        return new Figure(figure + ". " + name, shmlab, reference, unit, higherIsBetter, note);
    }

    /** The row as Markdown. */
    String row() {
        double ratio = ratio();
        return "| " + name + " | " + cell(shmlab) + " | " + cell(reference) + " | "
                + (Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2fx", ratio)) + " | "
                + (Double.isNaN(shmlab) ? "" : higherIsBetter ? "higher is better; " : "lower is better; ") + note + " |";
    }

    private String cell(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        String number = Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
