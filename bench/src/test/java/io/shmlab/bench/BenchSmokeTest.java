package io.shmlab.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver in smoke mode: every figure runs (or says why it cannot) and the table is well formed. */
class BenchSmokeTest {

    @Test
    void everyFigureRunsOrSaysWhyNot(@TempDir Path scratch) throws Exception {
        List<Figure> figures = new BenchMain(true, scratch, System.err).run();
        assertFalse(figures.isEmpty());
        for (Figure f : figures) {
            boolean measured = !Double.isNaN(f.shmlab()) && f.shmlab() > 0;
            assertTrue(measured || f.note().startsWith("not run: "), f.row());
            if (measured && !Double.isNaN(f.reference())) {
                assertTrue(f.reference() > 0, f.row());
            }
        }
        String table = BenchMain.table(figures);
        assertTrue(table.contains("| figure | shmlab | reference | ratio | note |"), table);
        assertTrue(table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| figure")).count() == figures.size());
    }
}
