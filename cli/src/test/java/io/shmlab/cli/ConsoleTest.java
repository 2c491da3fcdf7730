package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** Lines from a terminal are edited with JLine; piped lines are read as they come; the status line is a terminal's. */
class ConsoleTest {

    private static Terminal terminal(String typed, ByteArrayOutputStream screen) throws Exception {
        return TerminalBuilder.builder().system(false).type("xterm").dumb(false)
                .streams(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen).build();
    }

    @Test
    void onATerminalHistoryRecallsTheLastLine() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Console console = Console.onTerminal(terminal("w hello\r\u0010\r", screen), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
        assertEquals("w hello", console.readLine());
        assertEquals("w hello", console.readLine());
    }

    @Test
    void onATerminalTabCompletesTheCommandsSet() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Console console = Console.onTerminal(terminal("tr\t\r", screen), new ByteArrayOutputStream(), new ByteArrayOutputStream());
        console.completeWith(List.of("trace", "q", "A"));
        assertEquals("trace", console.readLine().trim());
    }

    @Test
    void onATerminalALabsPromptIsDrawnByTheLineEditor() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = Console.onTerminal(terminal("r\r", screen), out, new ByteArrayOutputStream());
        console.print("menu\n> ");
        assertEquals("r", console.readLine());
        assertEquals("menu\n", out.toString(StandardCharsets.UTF_8), "the prompt is held back");
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains("> "), "and drawn by the editor");
        assertNull(console.readLine(), "end of input");
    }

    @Test
    void pipedInputIsReadAsItComesAndTheStatusLineIsNotDrawn() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream("  a line  \n".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), err);
        console.completeWith(List.of("r"));
        assertEquals("  a line  ", console.readLine());
        console.status("12 schedules");
        console.status(null);
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\r"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
