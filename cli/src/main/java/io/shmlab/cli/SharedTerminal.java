package io.shmlab.cli;

import io.shmlab.api.Program;
import io.shmlab.api.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private static final Duration POLL = Duration.ofMillis(20);
    /** How many polls in a row every live process must be seen blocked for the session to be settled. */
    private static final int SETTLED_POLLS = 10;

    private final ProcessHost host;
    private final Console console;
    private final Map<String, ProcessPane> panes = new LinkedHashMap<>();
    private final Map<String, Runnable> sigintHandlers = new LinkedHashMap<>();
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

    /**
     * Starts a process that never reads (a writer in a loop), and waits for its first line of output.
     *
     * @param onSigint what its SIGINT handler does ({@code kill X}, or Ctrl-C of the whole session),
     *     as the C program's {@code signal(SIGINT, handler)}
     */
    void startBackground(String label, Program program, Runnable onSigint) throws InterruptedException {
        sigintHandlers.put(label.toUpperCase(Locale.ROOT), onSigint);
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
        console.completeWith(completions());
        console.println("processes: " + String.join(", ", panes.keySet()) + ". Type 'A: <command>' to talk to A, 'help' for more.");
        String line;
        while ((line = console.readLine()) != null) {
            String trimmed = line.trim();
            if (trimmed.equals("exit")) {
                return shutDown("exit");
            }
            handle(line, trimmed);
        }
        return shutDown("end of input");
    }

    private List<String> completions() {
        List<String> words = new ArrayList<>(List.of("ps", "maps", "ls", "help", "exit"));
        for (String label : panes.keySet()) {
            words.add(label + ":");
            words.add("kill " + label);
            words.add("eof " + label);
            words.add("wait " + label);
        }
        return words;
    }

    /** Ctrl-C of the whole session: each process's SIGINT handler runs, and the session waits for them to end. */
    void interrupt() {
        for (Map.Entry<String, Runnable> handler : sigintHandlers.entrySet()) {
            handler.getValue().run();
            ProcessPane pane = panes.get(handler.getKey());
            if (pane != null) {
                pane.process().awaitEnd(END_WAIT);
                pane.reportEnd();
            }
        }
    }

    private void handle(String line, String trimmed) throws InterruptedException {
        if (trimmed.isEmpty()) {
            // Enter alone, or spaces: a line for the process last addressed, as in its own terminal
            if (current != null) {
                send(current, line);
            }
            return;
        }
        switch (trimmed) {
            case "ps" -> host.ps().forEach(console::println);
            case "maps" -> host.maps().forEach(console::println);
            case "ls" -> host.ls().forEach(console::println);
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
            Runnable handler = sigintHandlers.get(label.toUpperCase(Locale.ROOT));
            if (handler != null) {
                handler.run();
            } else {
                pane.process().kill(Signal.SIGINT);
            }
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
        console.println("ls          the machine's /dev/shm: objects, semaphores (value, waiters), who has each open");
        console.println("kill A      send SIGINT to A (Ctrl-C in its terminal; a writer's handler stops it cleanly)");
        console.println("eof A       end A's input (Ctrl-D in its terminal)");
        console.println("wait A      wait until A has answered every line sent to it (or ended)");
        console.println("exit        end the session");
    }

    /**
     * Ends the session: every process's input is closed (a writer gets its SIGINT), those that end by
     * themselves are waited for, and one still blocked with nothing left to wake it, or still running,
     * is killed with a line that says so, as closing its terminal would end it.
     */
    private int shutDown(String why) {
        for (ProcessPane pane : panes.values()) {
            if (pane.ended().isEmpty()) {
                if (pane.interactive()) {
                    pane.process().closeInput();
                } else {
                    Runnable handler = sigintHandlers.get(pane.process().label().toUpperCase(Locale.ROOT));
                    if (handler != null) {
                        handler.run();
                    } else {
                        pane.process().kill(Signal.SIGINT);
                    }
                }
            }
        }
        awaitSettled();
        boolean allEnded = true;
        for (ProcessPane pane : panes.values()) {
            if (pane.ended().isEmpty()) {
                String call = pane.process().currentCall();
                console.println(why + ": " + pane.process().label() + (pane.process().blocked()
                        ? " is blocked" + (call == null ? "" : " in " + call) + " with nothing left to wake it"
                        : " is still running") + "; ending it with SIGKILL, as closing its terminal would");
                pane.process().kill(Signal.SIGKILL);
                pane.process().awaitEnd(END_WAIT);
            }
            allEnded &= pane.reportEnd();
        }
        return allEnded ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * Waits until every process has ended, or every one left is blocked (then nothing can wake it: the
     * others have ended or are blocked too), or {@link #END_WAIT} has passed.
     */
    private void awaitSettled() {
        long deadline = System.nanoTime() + END_WAIT.toNanos();
        int steady = 0;
        while (System.nanoTime() < deadline) {
            List<ProcessPane> live = panes.values().stream().filter(p -> p.ended().isEmpty()).toList();
            if (live.isEmpty()) {
                return;
            }
            steady = live.stream().allMatch(p -> p.process().blocked()) ? steady + 1 : 0;
            if (steady >= SETTLED_POLLS) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        host.close();
    }
}
