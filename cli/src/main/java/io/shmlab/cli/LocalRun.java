package io.shmlab.cli;

import io.shmlab.api.Ending;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;

/**
 * Runs a program in this JVM's own process (the native backend's {@code spawn()}), ending it the way
 * {@link Program} says a process ends: its status; "killed by SIGBUS" (or SIGSEGV) on an uncaught
 * memory fault; the message, as perror(3) prints it, and status 1 on an uncaught failed call.
 */
final class LocalRun {

    private LocalRun() {
    }

    static Ending run(Program program, Os os, Console console) {
        try {
            return new Ending.Exited(program.main(os));
        } catch (MemoryFault fault) {
            return new Ending.Killed(fault.signal(), detail(fault));
        } catch (PosixException failed) {
            console.error(failed.getMessage());
            return new Ending.Exited(1);
        } catch (RuntimeException bug) {
            throw bug;
        } catch (Exception other) {
            console.error(other.toString());
            return new Ending.Exited(1);
        }
    }

    /** The fault's message without its leading signal name, which the ending already says. */
    private static String detail(MemoryFault fault) {
        String prefix = fault.signal().name() + " ";
        return fault.getMessage().startsWith(prefix) ? fault.getMessage().substring(prefix.length()) : fault.getMessage();
    }

    /** The exit status a shell would see for an ending: the status, or 128 + the signal. */
    static int exitStatus(Ending ending) {
        if (ending instanceof Ending.Exited exited) {
            return exited.status();
        }
        if (ending instanceof Ending.Killed killed) {
            return 128 + killed.signal().number();
        }
        return ExitCodes.FAILED;
    }
}
