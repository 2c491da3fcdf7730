package io.shmlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver in smoke mode: every figure, 1 to 6, runs (or says why it cannot) and the table is well
 * formed. It checks the harness, never timing.
 */
class BenchSmokeTest {

    @Test
    void everyFigureRunsOrSaysWhyNot(@TempDir Path scratch) throws Exception {
        List<Figure> figures = new BenchMain(true, scratch, System.err).run();
        assertFalse(figures.isEmpty());
        for (Figure f : figures) {
            boolean measured = !Double.isNaN(f.shmlab()) && f.shmlab() >= 0;
            assertTrue(measured || f.note().startsWith("not run: "), f.row());
            if (measured && !Double.isNaN(f.reference())) {
                assertTrue(f.reference() >= 0, f.row());
            }
        }
        IntStream.rangeClosed(1, 6).forEach(n -> assertTrue(
                figures.stream().anyMatch(f -> f.name().startsWith(n + ". ")), "figure " + n + " has a row"));
        String table = BenchMain.table(figures, 1.0, 1.0, true);
        assertTrue(table.contains("| figure | shmlab | reference | ratio | note |"), table);
        assertEquals(figures.size(), table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| figure")).count());
    }
}
