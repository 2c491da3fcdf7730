package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.api.Ending;
import io.shmlab.api.ShmNamespace;
import io.shmlab.libc.ChildRun.StopReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report lines a child writes, read back by the parent. */
class ChildReportTest {

    @Test
    void aMadeEntryComesBackAsItWasWhateverItsCharacters() {
        for (String entry : List.of("os_cp", ShmNamespace.semaphoreFile("/x"), " two  spaces ", "a\\nb", "line\nbreak\r\\")) {
            String line = ChildReport.made(entry);
            assertEquals(1, line.lines().count(), line);
            assertEquals(ChildReport.MADE, ChildReport.kind(line));
            assertEquals(entry, ChildReport.madeEntry(ChildReport.argument(line)));
        }
    }

    @Test
    void aMadeLineDoesNotChangeHowTheChildEnded() {
        assertEquals(new Ending.Exited(0), ChildRun.ending(List.of(ChildReport.made("os_cp"), ChildReport.exit(0)), 0,
                StopReason.NONE, Duration.ofSeconds(1)));
    }
}
