package io.shmlab.sim.sched;

import io.shmlab.api.ProcessLabel;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay strategy that also watches what the processes are about to do at every scheduling point:
 * the first run of a token records it, a second run of the same token compares with it and stops at
 * the first point where they differ, saying which process and which call. A program that reads the
 * clock, draws from an unseeded {@code Random} or depends on hash codes of identities does not run the
 * same way twice, and a token means nothing for it; this is how {@link Replayer} says so instead of
 * showing a timeline that is not the one the token was found with.
 */
final class DivergenceWatch implements Strategy {

    /** What each process that may run at a point is about to do: "B: sem_wait(0x7f...)". */
    private record Point(List<String> next) {
    }

    private final Strategy replay;
    private final List<Point> expected;
    private final List<Point> seen = new ArrayList<>();
    private boolean diverged;

    private DivergenceWatch(Strategy replay, List<Point> expected) {
        this.replay = replay;
        this.expected = expected;
    }

    /** Watches a first run, recording its points. */
    static DivergenceWatch recording(Strategy replay) {
        return new DivergenceWatch(replay, null);
    }

    /** Watches a second run against what a first one recorded. */
    DivergenceWatch comparing(Strategy secondReplay) {
        return new DivergenceWatch(secondReplay, List.copyOf(seen));
    }

    @Override
    public boolean beginSchedule() {
        return replay.beginSchedule();
    }

    @Override
    public int choose(ChoicePoint point) {
        List<String> next = new ArrayList<>(point.enabledCount());
        for (int i = 0; i < point.enabledCount(); i++) {
            int index = point.enabled(i);
            next.add(ProcessLabel.of(index) + ": " + point.nextCall(index));
        }
        Point here = new Point(next);
        if (expected != null) {
            int at = seen.size();
            if (at >= expected.size()) {
                diverge("the replay went on past the end of the first run: at scheduling point " + (at + 1) + " "
                        + String.join(", ", next));
            }
            if (!expected.get(at).equals(here)) {
                diverge("at scheduling point " + (at + 1) + " " + difference(expected.get(at).next(), next));
            }
        }
        seen.add(here);
        return replay.choose(point);
    }

    @Override
    public Schedule.Generator generator() {
        return replay.generator();
    }

    @Override
    public boolean lastScheduleRepeated() {
        return replay.lastScheduleRepeated();
    }

    @Override
    public void endSchedule(long steps) {
        if (diverged) {
            return;
        }
        if (expected != null && seen.size() != expected.size()) {
            diverge("the run ended after " + seen.size() + " scheduling points, the first run after " + expected.size());
        }
        replay.endSchedule(steps);
    }

    /**
     * Compares the processes' endings and outputs of the two runs.
     *
     * @throws IllegalArgumentException at the first process that ended or printed differently
     */
    static void requireSameEnd(RunReport first, RunReport second) {
        for (int i = 0; i < first.processes().size() && i < second.processes().size(); i++) {
            ProcessOutcome a = first.processes().get(i);
            ProcessOutcome b = second.processes().get(i);
            if (!a.ending().equals(b.ending())) {
                throw divergence("process " + a.label() + " " + a.ending() + " in the first run, and " + b.ending()
                        + " in the second");
            }
            if (!a.output().equals(b.output())) {
                throw divergence("process " + a.label() + " printed something else in the second run");
            }
        }
        if (first.processes().size() != second.processes().size()) {
            throw divergence("the first run had " + first.processes().size() + " processes, the second "
                    + second.processes().size());
        }
        if (!java.util.Objects.equals(first.check(), second.check())) {
            throw divergence("the final check said '" + first.check() + "' after the first run and '" + second.check()
                    + "' after the second");
        }
    }

    private void diverge(String where) {
        diverged = true;
        throw divergence(where);
    }

    private static IllegalArgumentException divergence(String where) {
        return new IllegalArgumentException("the replay diverged: " + where + " (the program does not run the same way"
                + " twice under one schedule: does it read the clock, or use an unseeded Random or hash codes?)");
    }

    /** The first process whose next call differs: "process B was to call X in the first run, now Y". */
    private static String difference(List<String> before, List<String> now) {
        for (int i = 0; i < Math.max(before.size(), now.size()); i++) {
            String a = i < before.size() ? before.get(i) : null;
            String b = i < now.size() ? now.get(i) : null;
            if (a != null && a.equals(b)) {
                continue;
            }
            if (a != null && b != null && label(a).equals(label(b))) {
                return "process " + label(a) + " was to call " + call(a) + " in the first run, and now calls " + call(b);
            }
            if (a != null && !now.stream().map(DivergenceWatch::label).toList().contains(label(a))) {
                return "process " + label(a) + " could run (" + call(a) + ") in the first run, and now cannot";
            }
            if (b != null) {
                return "process " + label(b) + " can run (" + call(b) + ") now, and could not in the first run";
            }
        }
        return "the processes that may run differ: " + before + " then, " + now + " now";
    }

    private static String label(String next) {
        return next.substring(0, next.indexOf(':'));
    }

    private static String call(String next) {
        return next.substring(next.indexOf(':') + 2);
    }
}
