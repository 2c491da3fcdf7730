package io.shmlab.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code 500ms}, {@code 2s}, {@code 1.5s} or {@code 1m}; a bare number (other than 0) is an
 * error asking for a unit, since {@code --delay-init=2} meaning 2 ms surprises everyone.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (text.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            } else if (text.endsWith("m")) {
                d = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)) * 60);
            } else if (Long.parseLong(text) == 0) {
                d = Duration.ZERO;
            } else {
                throw new TypeConversionException("'" + value + "' needs a unit: " + text + "ms, " + text + "s or " + text + "m");
            }
            if (d.isNegative()) {
                throw new TypeConversionException(Echo.quoted(value) + " is negative");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new TypeConversionException(Echo.quoted(value) + " is not a duration such as 500ms, 2s or 1m");
        }
    }
}
