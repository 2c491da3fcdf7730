package io.shmlab.bench;

import io.shmlab.api.Backends;
import io.shmlab.api.Machine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark driver: every figure of shmlab against its reference, measured in the same run on
 * the same machine, printed as a Markdown table (figure, shmlab, reference, ratio).
 *
 * <p>{@code --smoke} runs each figure with tiny counts: it proves the harness works (CI runs it as a
 * test) and its numbers mean nothing. {@code --only=1,3,3b} runs some figures only, by number:
 * {@code 1} ... {@code 6}, where {@code 3} is exploration's rates and first deadlocks, {@code 3b} its
 * reduction (DPOR against plain DFS, minutes) and {@code 3c} its speed-up on every core.
 */
public final class BenchMain {
    private final boolean smoke;
    private final Jmh jmh;
    private final Path scratch;
    private final PrintStream log;
    /** The figures to run, by number; empty for all. */
    private final Set<String> only;

    BenchMain(boolean smoke, Path scratch, PrintStream log) {
        this(smoke, Set.of(), scratch, log);
    }

    BenchMain(boolean smoke, Set<String> only, Path scratch, PrintStream log) {
        this.smoke = smoke;
        this.only = only;
        this.jmh = new Jmh(smoke, log);
        this.scratch = scratch;
        this.log = log;
    }

    /** Runs every figure; a figure that cannot run here is a row saying why. */
    List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        if (runs("1")) {
            figures.add(semaphorePair().numbered(1));
        }
        if (runs("2")) {
            ringBuffer().forEach(f -> figures.add(f.numbered(2)));
        }
        exploration().forEach(f -> figures.add(f.numbered(3)));
        if (runs("4")) {
            simulatedMapping().forEach(f -> figures.add(f.numbered(4)));
        }
        if (runs("5")) {
            thousandProcesses().forEach(f -> figures.add(f.numbered(5)));
        }
        if (runs("6")) {
            figures.add(execExploration().numbered(6));
        }
        return figures;
    }

    private boolean runs(String figure) {
        return only.isEmpty() || only.contains(figure);
    }

    private Figure execExploration() throws Exception {
        String reason = unavailable("native");
        if (reason == null && !CProgram.compilerAvailable()) {
            reason = "no gcc";
        }
        if (reason != null) {
            return skipped(ExecExplorationFigure.NAME, reason);
        }
        log.println("figure 6: " + ExecExplorationFigure.NAME);
        return new ExecExplorationFigure(smoke, scratch, log).measure();
    }

    private List<Figure> ringBuffer() throws Exception {
        String reason = unavailable("native");
        if (reason == null && !CProgram.compilerAvailable()) {
            reason = "no gcc";
        }
        if (reason != null) {
            return List.of(skipped(RingFigure.NAME, reason));
        }
        log.println("figure 2: " + RingFigure.NAME);
        try (Machine machine = Backends.get("native").boot()) {
            return new RingFigure(smoke, scratch, log).measure(machine);
        }
    }

    private List<Figure> exploration() throws Exception {
        String reason = unavailable("sim");
        if (reason != null) {
            return List.of(skipped("Exercise 5 exploration", reason));
        }
        List<Figure> figures = new ArrayList<>();
        ExplorationFigures exploration = new ExplorationFigures(smoke, log);
        if (runs("3")) {
            log.println("figure 3: exploring Exercise 5");
            figures.addAll(exploration.simulated());
        }
        if (runs("3b")) {
            figures.addAll(new ReductionFigures(smoke, log).measure());
        }
        if (runs("3c")) {
            figures.addAll(new ParallelFigures(smoke, log).measure());
        }
        if (!runs("3")) {
            return figures;
        }
        String real = unavailable("native");
        if (real != null) {
            figures.add(skipped("Exercise 5, real runs that deadlock", real));
        } else {
            try (Machine machine = Backends.get("native").boot()) {
                figures.add(exploration.realRuns(machine));
            }
        }
        return figures;
    }

    private List<Figure> thousandProcesses() throws Exception {
        String reason = unavailable("sim");
        if (reason != null) {
            return List.of(skipped("1,000 simulated processes over one ring buffer", reason));
        }
        log.println("figure 5: 1,000 simulated processes over one ring buffer");
        return new ThousandProcessesFigure(smoke, log).measure();
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
        CProgram pair = CProgram.compile("sem_pair", scratch);
        String pairs = smoke ? "100000" : "20000000";
        double c = Rounds.median(smoke ? 1 : 3, () -> pair.measure("ns_per_pair", pairs));
        double java = jmh.score(SemaphorePairBenchmark.class, "postThenWait");
        String how = smoke ? "smoke counts" : Jmh.SETTINGS + " vs C (median of 3 runs of 20M pairs)";
        return new Figure(name, java, c, "ns", false, how + "; target ≤ 1.25x");
    }

    private List<Figure> simulatedMapping() throws Exception {
        String reason = unavailable("sim");
        if (reason != null) {
            return List.of(skipped("simulated mapping store+load vs ByteBuffer", reason));
        }
        log.println("figure 4: simulated mapping vs ByteBuffer");
        double buffer = jmh.score(SimMappingBenchmark.class, "byteBuffer");
        double sim = jmh.score(SimMappingBenchmark.class, "simulatedMapping");
        return List.of(new Figure("simulated mapping int store+load, syscall granularity (JMH), vs ByteBuffer",
                sim, buffer, "ns", false, "every access checked for range, protection and object size"),
                new PerAccessMappingFigure(smoke, log).measure());
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

    /** The table, with a header naming the machine and its load before and after the run. */
    static String table(List<Figure> figures, double loadBefore, double loadAfter, boolean smoke) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Command: `bench/run%s`%n%n", smoke ? " --smoke" : ""));
        s.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %s %s, Java %s (%s); load average (1 min) "
                        + "%.2f before the run, %.2f after%n%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), loadBefore, loadAfter));
        if (smoke) {
            s.append("Smoke run: tiny counts, the numbers mean nothing.\n\n");
        }
        s.append("| figure | shmlab | reference | ratio | note |\n|---|---|---|---|---|\n");
        figures.forEach(f -> s.append(f.row()).append('\n'));
        return s.toString();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Set<String> only = Stream.of(args).filter(a -> a.startsWith("--only="))
                .flatMap(a -> Stream.of(a.substring("--only=".length()).split(","))).collect(Collectors.toSet());
        Path scratch = Files.createTempDirectory("shmlab-bench");
        try {
            double loadBefore = loadAverage();
            List<Figure> figures = new BenchMain(smoke, only, scratch, System.err).run();
            System.out.print(table(figures, loadBefore, loadAverage(), smoke));
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
