package io.shmlab.bench;

import io.shmlab.libc.exec.CBuild;
import io.shmlab.libc.exec.Choice;
import io.shmlab.libc.exec.ExecProgram;
import io.shmlab.libc.exec.ExecRun;
import io.shmlab.libc.exec.TurnChooser;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.ExternalChoices;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figure 6: a C program on real processes under the preloaded turnstile. The time per schedule of
 * {@code explore --exec} on Exercise 5 in 2 processes (bounded DFS, 2 preemptions, every schedule of
 * the bound; sleeps take no real time), against the time to start two processes of the same program
 * and wait for them, with no turnstile and no sleep (process start-up is the floor). Target: at most 3x.
 */
final class ExecExplorationFigure {
    static final String NAME = "explore --exec, Exercise 5 in C, 2 real processes: time per schedule";

    private final boolean smoke;
    private final Path scratch;
    private final PrintStream log;
    private final String object = "/shmlab-bench-ex5-" + ProcessHandle.current().pid();

    ExecExplorationFigure(boolean smoke, Path scratch, PrintStream log) {
        this.smoke = smoke;
        this.scratch = scratch;
        this.log = log;
    }

    Figure measure() throws Exception {
        Path explored = compile("ex5_exec", "1");
        Path plain = compile("ex5_plain", "0");
        Path library = CBuild.turnstile();
        try (io.shmlab.api.Machine machine = new io.shmlab.libc.NativeBackend().boot()) {
            return measure(machine.spawn(), explored, plain, library);
        }
    }

    private Figure measure(io.shmlab.api.Os os, Path explored, Path plain, Path library) throws Exception {
        int rounds = smoke ? 1 : 5;
        double[] perSchedule = new double[rounds];
        long schedules = 0;
        for (int r = 0; r < rounds; r++) {
            long[] counted = {0};
            long start = System.nanoTime();
            ExternalChoices choices = ExternalChoices.exploring(ExploreOptions.defaults().withPreemptionBound(2).withDpor(false));
            while ((!smoke || counted[0] < 5) && choices.beginSchedule()) {
                ExecRun.run(os, new ExecProgram(explored, List.of(), List.of()), new ExecRun.Settings(2, false, Duration.ofSeconds(10)),
                        library, object + "-turns", new Turns(choices), name -> { }, scratch);
                choices.endSchedule();
                if (!choices.lastScheduleRepeated()) {
                    counted[0]++;
                }
            }
            perSchedule[r] = (System.nanoTime() - start) / 1e6 / counted[0];
            schedules = counted[0];
        }
        java.util.Arrays.sort(perSchedule);
        double shmlab = perSchedule[rounds / 2];
        int pairs = smoke ? 3 : 300;
        int hung = 0;
        long total = 0;
        for (int i = 0; i < pairs; i++) {
            long start = System.nanoTime();
            if (startPairAndWait(plain)) {
                total += System.nanoTime() - start;
            } else {
                hung++;
            }
        }
        double reference = total / 1e6 / Math.max(1, pairs - hung);
        log.println("figure 6: " + schedules + " schedules per round, " + pairs + " plain pairs (" + hung + " hung and were killed)");
        return new Figure(NAME, shmlab, reference, "ms", false, (smoke ? "smoke counts; " : "")
                + "bounded DFS (2 preemptions), every schedule of the bound (" + schedules + "), median of " + rounds
                + " rounds; reference: two processes of the same program started and waited for, no turnstile, no sleep"
                + " (ProcessBuilder, mean of " + (pairs - hung) + " pairs" + (hung > 0 ? "; " + hung + " more hung in the race, killed and not counted" : "")
                + "); target ≤ 3x");
    }

    private boolean startPairAndWait(Path binary) throws IOException, InterruptedException {
        Process a = new ProcessBuilder(binary.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        Process b = new ProcessBuilder(binary.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        boolean done = a.waitFor(2, TimeUnit.SECONDS) & b.waitFor(2, TimeUnit.SECONDS);
        if (!done) {
            a.destroyForcibly().waitFor();
            b.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(Path.of("/dev/shm", object.substring(1)));
        return done;
    }

    private Path compile(String output, String sleepSeconds) throws IOException, InterruptedException {
        Path source = scratch.resolve("ex5_exec.c");
        try (InputStream in = ExecExplorationFigure.class.getResourceAsStream("/c/ex5_exec.c")) {
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        Path binary = scratch.resolve(output);
        Process gcc = new ProcessBuilder("gcc", "-O2", "-pthread", "-DNAME=\"" + object + "\"", "-DSLEEP_SECONDS=" + sleepSeconds,
                "-o", binary.toString(), source.toString()).redirectErrorStream(true).start();
        String said = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IOException("gcc failed on ex5_exec.c: " + said);
        }
        return binary;
    }

    /** Turns chosen by the strategy. */
    private static final class Turns implements TurnChooser {
        private final ExternalChoices choices;

        Turns(ExternalChoices choices) {
            this.choices = choices;
        }

        @Override
        public int choose(Choice choice) {
            return choices.choose(choice.enabled(), choice.current(), choice.processes());
        }
    }
}
