package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.Protection;
import io.shmlab.api.Unlink;
import io.shmlab.api.layout.CType;
import io.shmlab.api.layout.StructLayout;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.support.CTool;
import io.shmlab.support.NativeHost;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's Exercise 1 compiled from C and a Java program share one object both ways: what the C
 * program writes with {@code w}, Java reads from {@code struct myData}; what Java writes, the C
 * program prints with {@code r}. (A unique name stands in for {@code /os_cp}.)
 */
class CExerciseOneSharingTest {
    /** {@code struct myData} of Exercise 1: {@code int version; char text[1020];}. */
    private static final StructLayout MY_DATA = StructLayout.builder("myData")
            .field("version", CType.INT)
            .field("text", CType.array(CType.CHAR, 1020))
            .build();
    private static final long VERSION = MY_DATA.offsetOf("version");
    private static final long TEXT = MY_DATA.offsetOf("text");

    @TempDir
    Path scratch;
    private Os os;
    private final String name = "/" + ShmLeakCheck.RUN_TAG + "-ex1-" + UUID.randomUUID();

    @BeforeEach
    void boot() {
        os = NativeHost.bootOrSkip().spawn();
    }

    @AfterEach
    void unlink() {
        if (os != null) {
            Unlink.shmIfPresent(os, name);
        }
    }

    @Test
    void textWrittenByTheCProgramIsReadByJavaAndTheOtherWayRound() throws Exception {
        CTool exercise1 = CTool.compile("exercise1", scratch);

        String first = runExercise1(exercise1, "w hello from C\nq\n");
        assertTrue(first.startsWith("Commands:"), first);

        OpenFile fd = os.shmOpen(name, OpenFlags.O_RDWR, 0);
        assertEquals(MY_DATA.size(), os.fstat(fd).size(), "the C program made it sizeof(struct myData)");
        Mapping data = os.mmap(MY_DATA.size(), Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        os.close(fd);
        assertEquals(1, data.getInt(VERSION));
        assertEquals("hello from C", data.getCString(TEXT, 1020));

        data.putInt(VERSION, data.getInt(VERSION) + 1);
        data.putCString(TEXT, "hello from Java");
        String second = runExercise1(exercise1, "r\nq\n");
        assertTrue(second.contains("version: 2\n   text: hello from Java\n"), second);
        os.munmap(data);
    }

    /** Runs the C program on the test's object with {@code input} as its standard input. */
    private String runExercise1(CTool program, String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(program.binary().toString(), name).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exercise1 did not end: " + output);
        assertEquals(0, p.exitValue(), output);
        return output;
    }
}
