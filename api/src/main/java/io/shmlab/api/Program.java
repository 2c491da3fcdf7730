package io.shmlab.api;

/**
 * A program run by a process: C's {@code main}, given the process's {@link Os} handle.
 *
 * <p>Returning ends the process with that exit status. An uncaught {@link MemoryFault} ends it
 * "killed by SIGBUS" (or SIGSEGV); an uncaught {@link PosixException} prints its message, as
 * perror(3) would, and ends it with status 1. A program run in several real processes is built in
 * each of them from its class name, so it needs a public constructor taking {@code String[]}
 * arguments or none.
 */
@FunctionalInterface
public interface Program {
    /**
     * Runs the program.
     *
     * @param os the calling process's handle on the operating system
     * @return the exit status
     * @throws Exception anything the program does not handle ends the process with status 1
     */
    int main(Os os) throws Exception;
}
