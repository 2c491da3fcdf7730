package io.shmlab.bench;

import io.shmlab.api.Backends;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark driver: every figure of shmlab against its reference, measured in the same run on
 * the same machine, printed as a Markdown table (figure, shmlab, reference, ratio).
 *
 * <p>{@code --smoke} runs each figure with tiny counts: it proves the harness works (CI runs it as a
 * test) and its numbers mean nothing.
 */
public final class BenchMain {
    private final boolean smoke;
    private final Jmh jmh;
    private final Path scratch;
    private final PrintStream log;

    BenchMain(boolean smoke, Path scratch, PrintStream log) {
        this.smoke = smoke;
        this.jmh = new Jmh(smoke);
        this.scratch = scratch;
        this.log = log;
    }

    /** Runs every figure; a figure that cannot run here is a row saying why. */
    List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        figures.add(semaphorePair());
        figures.addAll(simulatedMapping());
        return figures;
    }

    private Figure semaphorePair() throws Exception {
        String name = "uncontended sem_post+sem_wait pair, native vs C";
        String reason = unavailable("native");
        if (reason == null && !CProgram.compilerAvailable()) {
            reason = "no gcc";
        }
        if (reason != null) {
            return skipped(name, reason);
        }
        log.println("figure 1: " + name);
        double c = CProgram.compile("sem_pair", scratch).measure("ns_per_pair", smoke ? "100000" : "20000000");
        double java = jmh.score(SemaphorePairBenchmark.class, "postThenWait");
        return new Figure(name, java, c, "ns", false, "target ≤ 1.25x");
    }

    private List<Figure> simulatedMapping() throws Exception {
        String reason = unavailable("sim");
        if (reason != null) {
            return List.of(skipped("simulated mapping store+load vs ByteBuffer", reason));
        }
        log.println("figure 4: simulated mapping vs ByteBuffer");
        double buffer = jmh.score(SimMappingBenchmark.class, "byteBuffer");
        double sim = jmh.score(SimMappingBenchmark.class, "simulatedMapping");
        return List.of(new Figure("simulated mapping int store+load, syscall granularity, vs ByteBuffer",
                sim, buffer, "ns", false, "every access checked"));
    }

    private static String unavailable(String backend) {
        try {
            return Backends.get(backend).unavailableReason();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static Figure skipped(String name, String reason) {
        return new Figure(name, Double.NaN, Double.NaN, "", false, "not run: " + reason);
    }

    /** The table, with a header naming the machine. */
    static String table(List<Figure> figures) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Machine: %d cores, %s %s, Java %s (%s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name")));
        s.append("| figure | shmlab | reference | ratio | note |\n|---|---|---|---|---|\n");
        figures.forEach(f -> s.append(f.row()).append('\n'));
        return s.toString();
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Path scratch = Files.createTempDirectory("shmlab-bench");
        try {
            List<Figure> figures = new BenchMain(smoke, scratch, System.err).run();
            System.out.print(table(figures));
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
