package io.shmlab.cli;

import io.shmlab.api.Ending;
import io.shmlab.api.Errno;
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
            console.error(failed.getMessage() + hint(failed));
            return new Ending.Exited(1);
        } catch (RuntimeException bug) {
            throw bug;
        } catch (Exception other) {
            console.error(other.toString());
            return new Ending.Exited(1);
        }
    }

    /**
     * What the real kernel's answer means here, where it differs from a C process's: an mmap(2) too
     * large for the gaps the JVM's own mappings leave (a C process has x86_64's 128 TiB to itself, and
     * the simulator, being a C process, maps it).
     */
    static String hint(PosixException failed) {
        if (failed.errno() == Errno.ENOMEM && failed.call() != null && failed.call().startsWith("mmap")) {
            return " — this JVM's address space has no free gap that large (its own mappings are in the way);"
                    + " a C process, with x86_64's 128 TiB to itself, would get it, as it does on --backend=sim";
        }
        return "";
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
            return killed.signal().exitStatus();
        }
        return ExitCodes.FAILED;
    }
}
