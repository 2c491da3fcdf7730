package io.shmlab.libc.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shmlab.libc.turns.CLayoutHeader;
import io.shmlab.libc.turns.ControlBlockLayout;
import io.shmlab.libc.turns.ProcessState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C side of the control block is compiled against a header made from the Java descriptor: both agree. */
class CLayoutHeaderTest {

    @Test
    void theCompiledHeaderGivesTheDescriptorsOffsets(@TempDir Path dir) throws Exception {
        assumeTrue(hasGcc(), "no gcc here: the C side cannot be compiled");
        Files.writeString(dir.resolve(CLayoutHeader.FILE_NAME), CLayoutHeader.text());
        Files.writeString(dir.resolve("offsets.c"), """
                #include <stdio.h>
                #include "shmlab_layout.h"
                int main(void) {
                    for (int n = 1; n <= 32; n += 7) {
                        printf("%ld %ld %ld %ld %ld\\n", shmlab_turnstile_offset(n - 1), shmlab_process_offset(n, n - 1),
                               shmlab_conductor_offset(n), shmlab_call_record_offset(n, n - 1), shmlab_name_offset(n, 63));
                    }
                    printf("%d %d %ld %ld\\n", SHMLAB_STATE_BLOCKED, SHMLAB_STATE_AWAIT_RESUME, SHMLAB_CALL_TEXT, SHMLAB_DOORBELL);
                    return 0;
                }
                """);
        Path exe = dir.resolve("offsets");
        run(List.of("gcc", "-std=gnu11", "-o", exe.toString(), dir.resolve("offsets.c").toString()));
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 32; n += 7) {
            expected.add(ControlBlockLayout.turnstileOffset(n - 1) + " " + ControlBlockLayout.processOffset(n, n - 1) + " "
                    + ControlBlockLayout.conductorOffset(n) + " " + ControlBlockLayout.callRecordOffset(n, n - 1) + " "
                    + ControlBlockLayout.nameOffset(n, 63));
        }
        expected.add(ProcessState.BLOCKED.ordinal() + " " + ProcessState.AWAIT_RESUME.ordinal() + " "
                + ControlBlockLayout.CALL_TEXT + " " + ControlBlockLayout.DOORBELL);
        assertEquals(String.join("\n", expected) + "\n", run(List.of(exe.toString())));
    }

    @Test
    void theHeaderHasEveryConstantOfTheDescriptor() {
        String header = CLayoutHeader.text();
        assertTrue(header.contains("#define SHMLAB_MAGIC " + ControlBlockLayout.MAGIC + "\n"), header);
        assertTrue(header.contains("#define SHMLAB_CALL_RECORD_SIZE " + ControlBlockLayout.CALL_RECORD_SIZE + "L\n"), header);
        assertTrue(header.contains("#define SHMLAB_STATE_WAITING_TURN " + ProcessState.WAITING_TURN.ordinal() + "\n"), header);
    }

    @Test
    void theTurnstileBuilds() {
        assumeTrue(hasGcc(), "no gcc here: the turnstile cannot be built");
        Path library = CBuild.turnstile();
        assertTrue(Files.isRegularFile(library), library.toString());
        assertEquals(library, CBuild.turnstile(), "built once, then taken from the cache");
    }

    static boolean hasGcc() {
        try {
            return new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + out);
        return out;
    }
}
