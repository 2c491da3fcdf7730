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

/** Runs one JMH benchmark method with the settings of a full run or of a smoke run. */
final class Jmh {
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
            options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
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
