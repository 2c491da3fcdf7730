package io.shmlab.api;

/**
 * What a run's {@link FinalCheck} said.
 *
 * @param passed true when the check returned normally
 * @param detail why it failed: the exception it threw, as one line; {@code null} when it passed
 */
public record CheckVerdict(boolean passed, String detail) {

    private static final CheckVerdict PASSED = new CheckVerdict(true, null);

    /** Validates: a failure says why. */
    public CheckVerdict {
        if (!passed && (detail == null || detail.isBlank())) {
            throw new IllegalArgumentException("a failed check needs a detail");
        }
    }

    /** The check passed. */
    public static CheckVerdict pass() {
        return PASSED;
    }

    /** The check failed for this reason. */
    public static CheckVerdict fail(String detail) {
        return new CheckVerdict(false, detail);
    }

    /**
     * Runs a check and says how it went: any exception or error it throws (an {@link AssertionError}
     * included) fails it, with the throwable's message, or its class when it has none.
     */
    public static CheckVerdict of(FinalCheck check, Os os) {
        try {
            check.check(os);
            return PASSED;
        } catch (Exception | AssertionError | LinkageError | StackOverflowError e) {
            String message = e.getMessage();
            String line = message == null || message.isBlank() ? e.getClass().getName() : message.strip();
            if (!(e instanceof AssertionError)) {
                line = e.getClass().getSimpleName() + ": " + line;
            }
            return fail(line.replace('\n', ' '));
        }
    }

    @Override
    public String toString() {
        return passed ? "final check passed" : "final check failed: " + detail;
    }
}
