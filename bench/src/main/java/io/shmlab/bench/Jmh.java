package io.shmlab.bench;

import java.io.PrintStream;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one JMH benchmark method with the settings of a full run or of a smoke run. A full run takes
 * several forks: the JIT's decisions differ from one JVM to the next, and one fork alone has been seen
 * 20% off the others.
 */
final class Jmh {
    private static final int FORKS = 3;
    private static final int WARMUP_SECONDS = 3;
    private static final int MEASUREMENT_SECONDS = 5;

    /** How a full run measures, for the notes of the figures. */
    static final String SETTINGS = "JMH (" + FORKS + " forks, each " + MEASUREMENT_SECONDS + " x 1 s after "
            + WARMUP_SECONDS + " x 1 s of warm-up)";
    private final boolean smoke;
    private final PrintStream log;

    Jmh(boolean smoke, PrintStream log) {
        this.smoke = smoke;
        this.log = log;
    }

    /** The primary score (the unit the benchmark declares) of {@code type.method}. */
    double score(Class<?> type, String method) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + type.getName().replace(".", "\\.") + "\\." + method + "$")
                .shouldFailOnError(true);
        if (smoke) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        } else {
            options.forks(FORKS).warmupIterations(WARMUP_SECONDS).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(MEASUREMENT_SECONDS).measurementTime(TimeValue.seconds(1));
        }
        // JMH's progress goes to the log (stderr), so that stdout is the table alone
        OutputFormat progress = OutputFormatFactory.createFormatInstance(log, smoke ? VerboseMode.SILENT : VerboseMode.NORMAL);
        Collection<RunResult> results = new Runner(options.build(), progress).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH ran nothing for " + type.getSimpleName() + "." + method);
        }
        return results.iterator().next().getPrimaryResult().getScore();
    }
}
