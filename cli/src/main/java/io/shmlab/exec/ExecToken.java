package io.shmlab.exec;

import io.shmlab.libc.exec.ExecProgram;
import io.shmlab.sim.sched.Schedule;
import java.util.List;

/**
 * What a token of a C binary records, in the found-for section every token has: {@code exec:NAME} (the
 * binary's file name; a Java class name never has a colon) and the arguments as given, {@code {i}}
 * unreplaced.
 */
public final class ExecToken {
    /** The prefix of a binary's name in a token. */
    public static final String PREFIX = "exec:";

    private ExecToken() {
    }

    /** What a run of this program is found for. */
    public static Schedule.FoundFor foundFor(ExecProgram program) {
        return new Schedule.FoundFor(PREFIX + program.name(), program.args());
    }

    /**
     * The token's schedule, checked against the program.
     *
     * @throws IllegalArgumentException in one line when it is not a token of a binary, or of another
     *     binary or arguments
     */
    public static Schedule decode(String token, ExecProgram program) {
        Schedule schedule = Schedule.decode(token);
        Schedule.FoundFor found = schedule.foundFor();
        if (found == null || !found.program().startsWith(PREFIX)) {
            throw new IllegalArgumentException("the token is not one of a C binary (it was found for "
                    + (found == null ? "a lab" : found) + "): replay it as shmlab replay <lab> <token> --exec");
        }
        Schedule.FoundFor expected = foundFor(program);
        if (!found.program().equals(expected.program()) || !found.args().equals(expected.args())) {
            throw new IllegalArgumentException("the token was found for " + shown(found) + ", not " + shown(expected));
        }
        return schedule;
    }

    private static String shown(Schedule.FoundFor f) {
        List<String> args = f.args();
        return f.program().substring(PREFIX.length()) + (args.isEmpty() ? "" : " -- " + String.join(" ", args));
    }
}
