package io.shmlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a figure reads in the table. */
class FigureTest {

    @Test
    void aRowShowsBothSidesWithTheirUnitAndTheRatio() {
        Figure f = new Figure("pair", 30, 20, "ns", false, "target ≤ 1.25x").numbered(1);
        assertEquals("| 1. pair | 30.00 ns | 20.00 ns | 1.50x | lower is better; target ≤ 1.25x |", f.row());
    }

    @Test
    void largeNumbersGetThousandsSeparators() {
        Figure f = new Figure("ring", 950_000, 1_000_000, "items/s", true, "n");
        assertEquals("| ring | 950,000 items/s | 1,000,000 items/s | 0.95x | higher is better; n |", f.row());
    }

    @Test
    void noRatioAgainstAZeroOrMissingReference() {
        assertTrue(Double.isNaN(new Figure("x", 5, 0, "%", true, "").ratio()));
        assertTrue(new Figure("x", 5, 0, "%", true, "").row().contains("| 0.00 % | — |"));
        assertEquals("| x | — | — | — | not run: no gcc |", new Figure("x", Double.NaN, Double.NaN, "ns", false,
                "not run: no gcc").row());
    }
}
