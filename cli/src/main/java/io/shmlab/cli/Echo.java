package io.shmlab.cli;

/**
 * What a message echoes of the user's input, cut so that a mistaken 100,000-character argument gives
 * a line a person can read: the start of it and how long it was.
 */
final class Echo {
    /** The most characters of an input echoed. */
    static final int MAX_ECHO = 60;
    /** The most characters of a whole message line. */
    static final int MAX_LINE = 400;

    private Echo() {
    }

    /** The input in quotes, cut: {@code 'abc...' (100000 characters)}. */
    static String quoted(String input) {
        if (input == null) {
            return "''";
        }
        if (input.length() <= MAX_ECHO) {
            return "'" + input + "'";
        }
        return "'" + input.substring(0, MAX_ECHO) + "...' (" + input.length() + " characters)";
    }

    /** A message line cut to {@link #MAX_LINE} characters. */
    static String cut(String line) {
        if (line == null || line.length() <= MAX_LINE) {
            return line;
        }
        return line.substring(0, MAX_LINE) + "... (" + line.length() + " characters in all)";
    }
}
