package io.shmlab.cli;

import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The command line that replays a token of what a command ran: {@code shmlab replay ex5 TOKEN}, with
 * the lab options that change the program's arguments ({@code --name}, {@code --capacity},
 * {@code --delay-init}), which a token records; for a program of one's own, its file or {@code --class}
 * and its arguments after {@code --}.
 */
final class ReplayHint {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ReplayHint() {
    }

    static String of(LabDefinition chosen, LabSettings settings, String token) {
        if (chosen instanceof UserProgram program) {
            StringBuilder b = new StringBuilder("shmlab replay ").append(quote(program.replayForm())).append(' ').append(token);
            if (!program.spec().args().isEmpty()) {
                b.append(" --");
                program.spec().args().forEach(a -> b.append(' ').append(quote(a)));
            }
            return b.toString();
        }
        StringBuilder b = new StringBuilder("shmlab replay ").append(chosen.id()).append(' ').append(token);
        LabSettings defaults = LabSettings.defaults();
        if (settings.name() != null) {
            b.append(" --name=").append(quote(settings.name()));
        }
        if (settings.capacity() != defaults.capacity()) {
            b.append(" --capacity=").append(settings.capacity());
        }
        if (!settings.delayInit().equals(Duration.ZERO)) {
            b.append(" --delay-init=").append(settings.delayInit().toMillis()).append("ms");
        }
        if (settings.fallocate()) {
            b.append(" --fallocate");
        }
        return b.toString();
    }

    /** A word as a shell takes it: as it is when plain, else in single quotes. */
    private static String quote(String word) {
        if (word.startsWith("--class ")) {
            return word;
        }
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
