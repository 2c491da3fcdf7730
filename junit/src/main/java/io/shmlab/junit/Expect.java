package io.shmlab.junit;

/** What a {@link ShmlabTest} expects of the schedules it runs. */
public enum Expect {
    /** Every schedule passes: the test fails at a failing one, with its token and timeline. */
    PASS,
    /**
     * Some schedule fails (the test of a program with a known race, or of a token that shows it): the
     * test fails when every schedule passes.
     */
    FAIL
}
