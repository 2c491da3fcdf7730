package io.shmlab.cli;

import io.shmlab.api.ForwardingOs;
import io.shmlab.api.Os;

/**
 * A process's {@link Os} whose standard input and output are the command's {@link Console}: every
 * call goes to the process unchanged, except that write(2) on descriptor 1 and reading a line of
 * standard input use the console. It lets a lab run in this JVM on the native backend talk to
 * whatever terminal (or test) drives the command.
 */
final class ConsoleOs extends ForwardingOs {
    private final Console console;

    ConsoleOs(Os process, Console console) {
        super(process);
        this.console = console;
    }

    @Override
    public void print(String text) {
        TestHook.labStarted();
        console.print(text);
    }

    @Override
    public String readLine() {
        return console.readLine();
    }
}
