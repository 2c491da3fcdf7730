package io.shmlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.cli.Console;
import io.shmlab.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokens recorded by an earlier version replay to the same timeline, byte for byte: the schedule
 * format and the trace are an interface (see {@code golden-timelines/README.md}).
 */
class GoldenTimelinesTest {

    private static final List<String> LABS = List.of("ex1", "ex2", "ex3", "ex4", "ex5", "ex5-fixed");
    private static final String MARK = "#### replay ";

    /** One recorded replay: the lab, the token, how it was found, and what replay printed. */
    record Golden(String lab, String token, String origin, int status, String output) {
        @Override
        public String toString() {
            return lab + " " + (token.length() > 40 ? token.substring(0, 40) + "..." : token) + " " + origin;
        }
    }

    static Stream<Golden> recorded() {
        List<Golden> all = new ArrayList<>();
        for (String lab : LABS) {
            String text = resource(lab);
            for (String entry : text.split("(?m)^(?=" + MARK + ")")) {
                if (entry.isEmpty()) {
                    continue;
                }
                String[] headAndRest = entry.split("\n", 2);
                String[] statusAndOutput = headAndRest[1].split("\n", 2);
                String[] labTokenOrigin = headAndRest[0].substring(MARK.length()).split(" ", 3);
                all.add(new Golden(labTokenOrigin[0], labTokenOrigin[1], labTokenOrigin[2].trim(),
                        Integer.parseInt(statusAndOutput[0].substring("status ".length())), statusAndOutput[1]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void replaysToTheSameTimeline(Golden golden) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(new byte[0]), out, OutputStream.nullOutputStream());
        int status = Main.execute(new String[] {"replay", golden.lab(), golden.token()}, console);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(golden.status(), status, "exit status of " + golden);
        if (golden.output().startsWith("sha256 ")) {
            assertEquals(golden.output().trim(), "sha256 " + sha256(printed) + " lines " + printed.lines().count(),
                    "timeline of " + golden);
        } else {
            assertEquals(golden.output(), printed, "timeline of " + golden);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String lab) {
        try (InputStream in = GoldenTimelinesTest.class.getResourceAsStream("/golden-timelines/" + lab + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
