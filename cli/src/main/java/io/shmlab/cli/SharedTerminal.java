package io.shmlab.cli;

import io.shmlab.api.Program;
import io.shmlab.api.Signal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several simulated processes sharing one terminal. A line {@code A: w hello} goes to process A's
 * standard input; a line without a prefix goes to the process last addressed. The terminal's own
 * commands: {@code ps}, {@code maps}, {@code kill X} (SIGINT, as Ctrl-C in X's terminal),
 * {@code eof X} (end X's input), {@code wait X} (until X answered every line sent, or ended: for
 * scripts, since a process woken by another answers in its own time), {@code help}, {@code exit}.
 *
 * <p>Each process's output is shown line by line with its label. After a line is sent, the terminal
 * waits until that process is ready again (printed its prompt, ended, or blocked in a call such as
 * sem_wait), so a session typed or scripted line by line reads in order.
 */
final class SharedTerminal implements AutoCloseable {
    private static final Pattern ROUTED = Pattern.compile("^\\s*([A-Za-z])\\s*:\\s?(.*)$");
    private static final Pattern PROCESS_COMMAND = Pattern.compile("^\\s*(kill|eof|wait)\\s+([A-Za-z])\\s*$");
    private static final Duration BUSY_CAP = Duration.ofSeconds(30);
    private static final Duration END_WAIT = Duration.ofSeconds(5);

    private final ProcessHost host;
    private final Console console;
    private final Map<String, ProcessPane> panes = new LinkedHashMap<>();
    private ProcessPane current;

    SharedTerminal(ProcessHost host, Console console) {
        this.host = host;
        this.console = console;
    }

    /** Starts a process that reads commands; the terminal waits for its first prompt. */
    void start(String label, Program program) throws InterruptedException {
        ProcessPane pane = launch(label, program, true);
        if (current == null) {
            current = pane;
        }
        awaitReady(pane, 0);
    }

    /** Starts a process that never reads (a writer in a loop), and waits for its first line of output. */
    void startBackground(String label, Program program) throws InterruptedException {
        ProcessPane pane = launch(label, program, false);
        if (!pane.awaitLines(1, BUSY_CAP)) {
            console.println(label + " has printed nothing yet");
        }
    }

    private ProcessPane launch(String label, Program program, boolean interactive) {
        HostedProcess process = host.launch(label, program);
        ProcessPane pane = new ProcessPane(process, console, interactive);
        panes.put(label.toUpperCase(Locale.ROOT), pane);
        return pane;
    }

    /** Reads and runs lines until end of input or {@code exit}; then ends every process. */
    int run() throws InterruptedException {
        console.println("processes: " + String.join(", ", panes.keySet()) + ". Type 'A: <command>' to talk to A, 'help' for more.");
        String line;
        while ((line = console.readLine()) != null) {
            String trimmed = line.trim();
            if (trimmed.equals("exit")) {
                break;
            }
            handle(line, trimmed);
        }
        return shutDown();
    }

    private void handle(String line, String trimmed) throws InterruptedException {
        if (trimmed.isEmpty()) {
            return;
        }
        switch (trimmed) {
            case "ps" -> host.ps().forEach(console::println);
            case "maps" -> host.maps().forEach(console::println);
            case "help" -> help();
            default -> {
                Matcher command = PROCESS_COMMAND.matcher(line);
                Matcher routed = ROUTED.matcher(line);
                if (command.matches()) {
                    processCommand(command.group(1), command.group(2));
                } else if (routed.matches() && panes.containsKey(routed.group(1).toUpperCase(Locale.ROOT))) {
                    current = panes.get(routed.group(1).toUpperCase(Locale.ROOT));
                    send(current, routed.group(2));
                } else if (current != null) {
                    send(current, line);
                }
            }
        }
        panes.values().forEach(ProcessPane::reportEnd);
    }

    private void processCommand(String verb, String label) throws InterruptedException {
        ProcessPane pane = pane(label);
        if (pane == null) {
            return;
        }
        if (verb.equals("kill")) {
            pane.process().kill(Signal.SIGINT);
            pane.process().awaitEnd(END_WAIT);
        } else if (verb.equals("wait")) {
            if (!pane.awaitPrompt(pane.sent(), BUSY_CAP)) {
                console.println(pane.process().label() + " is still busy or blocked");
            }
        } else {
            int seen = pane.prompts();
            pane.process().closeInput();
            awaitReady(pane, seen);
        }
    }

    private ProcessPane pane(String label) {
        ProcessPane pane = panes.get(label.toUpperCase(Locale.ROOT));
        if (pane == null) {
            console.println("no process " + label + "; processes are " + String.join(", ", panes.keySet()));
        }
        return pane;
    }

    private void send(ProcessPane pane, String text) throws InterruptedException {
        if (pane.reportEnd()) {
            console.println(pane.process().label() + " has ended; it reads no more");
            return;
        }
        if (!pane.interactive()) {
            console.println(pane.process().label() + " reads no input; 'kill " + pane.process().label() + "' stops it");
            return;
        }
        int seen = pane.prompts();
        pane.sendLine(text);
        awaitReady(pane, seen);
    }

    private void awaitReady(ProcessPane pane, int seen) throws InterruptedException {
        if (!pane.awaitReady(seen, BUSY_CAP)) {
            console.println(pane.process().label() + " is still busy; its output will follow");
        } else if (pane.process().blocked() && pane.ended().isEmpty() && pane.prompts() <= seen) {
            console.println(pane.process().label() + " is blocked (see ps)");
        }
    }

    private void help() {
        console.println("A: <line>   send a line to process A (a line without a prefix goes to the last one)");
        console.println("ps          processes: state, page faults, resident pages");
        console.println("maps        each process's mappings at its own virtual addresses");
        console.println("kill A      send SIGINT to A (Ctrl-C in its terminal)");
        console.println("eof A       end A's input (Ctrl-D in its terminal)");
        console.println("wait A      wait until A has answered every line sent to it (or ended)");
        console.println("exit        end the session");
    }

    private int shutDown() {
        for (ProcessPane pane : panes.values()) {
            if (pane.ended().isEmpty()) {
                if (pane.interactive()) {
                    pane.process().closeInput();
                } else {
                    pane.process().kill(Signal.SIGINT);
                }
            }
        }
        boolean allEnded = true;
        for (ProcessPane pane : panes.values()) {
            if (pane.process().awaitEnd(END_WAIT).isEmpty()) {
                pane.process().kill(Signal.SIGKILL);
                pane.process().awaitEnd(END_WAIT);
            }
            allEnded &= pane.reportEnd();
        }
        return allEnded ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @Override
    public void close() {
        host.close();
    }
}
