package io.shmlab.exec;

import io.shmlab.libc.exec.ExecRun;
import io.shmlab.libc.exec.ExecStep;
import io.shmlab.sim.sched.ExternalChoices;
import io.shmlab.sim.sched.Step;
import io.shmlab.sim.sched.Timeline;
import io.shmlab.sim.sched.Trace;
import java.util.ArrayList;
import java.util.List;

/** A run of a C binary as the simulator's {@link Trace}, drawn by its one {@link Timeline}. */
public final class ExecTimeline {

    private ExecTimeline() {
    }

    /** The timeline. */
    public static String render(ExecRun.Result result) {
        return Timeline.render(trace(result));
    }

    /** The run as a trace: one step per turn, the ending in the simulator's words. */
    public static Trace trace(ExecRun.Result result) {
        List<Step> steps = new ArrayList<>();
        for (ExecStep s : result.steps()) {
            String label = result.labels().get(s.process());
            Step.Kind kind = switch (s.kind()) {
                case CALL -> Step.Kind.CALL;
                case BLOCKED -> Step.Kind.BLOCKED;
                case RESUMED -> Step.Kind.RESUMED;
                case EXIT -> Step.Kind.EXIT;
            };
            steps.add(new Step(steps.size(), label, result.pids().get(s.process()), kind, s.call(), arguments(s),
                    s.result(), ExternalChoices.EPOCH_NANOS + s.clockNanos(), s.call().footprint(), s.wokenBy(), s.timedOut(),
                    s.wakes(), s.warnings()));
        }
        return new Trace(result.labels(), result.pids(), steps, ending(result));
    }

    /** The arguments of a call's text, {@code shm_open("/x", O_RDWR, 0600)} giving {@code "/x", O_RDWR, 0600}. */
    private static String arguments(ExecStep s) {
        String text = s.text();
        String open = s.call().cName() + "(";
        if (text.startsWith(open) && text.endsWith(")")) {
            return text.substring(open.length(), text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }

    private static String ending(ExecRun.Result result) {
        return switch (result.end()) {
            case ENDED -> "every process ended";
            case DEADLOCK -> {
                StringBuilder b = new StringBuilder("deadlock: every live process is blocked and no timer is pending:");
                for (int i = 0; i < result.labels().size(); i++) {
                    var p = result.report().processes().get(i);
                    b.append("\n  ").append(p.label()).append(" (pid ").append(p.pid()).append(") ")
                            .append(p.ending() instanceof io.shmlab.api.Ending.Blocked blocked
                                    ? "is blocked in " + blocked.call() : "has ended");
                }
                yield b.toString();
            }
            case QUIET -> "stopped: " + result.detail();
            case DIVERGED -> "stopped: the run left the schedule: " + result.detail();
            case INTERRUPTED -> "stopped: " + result.detail();
        };
    }
}
