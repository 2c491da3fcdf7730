package io.shmlab.cli;

import io.shmlab.api.BackendUnavailableException;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.PosixException;

/**
 * Turns whatever ended a command into the one line a user reads and the exit status, so that no
 * mistake a user can make ever shows a stack trace.
 */
final class ErrorLine {
    private final String line;
    private final int exitCode;
    private final boolean bug;

    private ErrorLine(String line, int exitCode, boolean bug) {
        this.line = line;
        this.exitCode = exitCode;
        this.bug = bug;
    }

    static ErrorLine of(Throwable failure) {
        if (failure instanceof UsageError e) {
            return new ErrorLine(e.getMessage(), ExitCodes.USAGE, false);
        }
        if (failure instanceof BackendUnavailableException e) {
            return new ErrorLine(e.getMessage(), ExitCodes.UNAVAILABLE, false);
        }
        if (failure instanceof PosixException e) {
            return new ErrorLine(e.getMessage() + hint(e), ExitCodes.FAILED, false);
        }
        if (failure instanceof MemoryFault e) {
            return new ErrorLine("killed by " + e.signal() + ": " + e.getMessage().substring(e.signal().name().length()).trim(),
                    e.signal().exitStatus(), false);
        }
        return new ErrorLine("internal error: " + failure, ExitCodes.INTERNAL, true);
    }

    private static String hint(PosixException e) {
        return switch (e.errno()) {
            case ENOENT -> " — it does not exist yet; start the side that creates it first";
            case EACCES -> " — another user owns it; pick another --name";
            default -> "";
        };
    }

    String line() {
        return "shmlab: " + line;
    }

    int exitCode() {
        return exitCode;
    }

    /** True for a failure that is shmlab's own fault: worth a stack trace with --verbose. */
    boolean bug() {
        return bug;
    }
}
