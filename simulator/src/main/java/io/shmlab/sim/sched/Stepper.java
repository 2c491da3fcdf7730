package io.shmlab.sim.sched;

import io.shmlab.api.ProcessLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;

/**
 * A run where the user is the scheduler, as in {@code shmlab step}: at every scheduling point it
 * lists the processes that may run, with the call each would make next, and waits for
 * {@link #step(int)} to say which one goes.
 *
 * <p>The run goes on a thread of its own; the methods here are called from one user thread. Close the
 * stepper to stop a run that has not ended (its processes are unwound and its world closed).
 */
public final class Stepper implements AutoCloseable {

    /** A process that may run next. */
    public record Choice(String label, int pid, String nextCall) {
        @Override
        public String toString() {
            return label + " (pid " + pid + "): " + nextCall;
        }
    }

    private static final int CLOSE = -1;

    /** What the run tells the user: a point to decide, or the end. */
    private record Message(List<Choice> enabled, List<Integer> indices, Trace trace, ScheduledRun finished,
            RuntimeException failure) {
    }

    private final SynchronousQueue<Message> toUser = new SynchronousQueue<>();
    private final SynchronousQueue<Integer> toRun = new SynchronousQueue<>();
    private final Scheduler scheduler = new Scheduler();
    private final Thread runner;
    private Message current;
    private boolean closed;

    private Stepper(Simulation simulation, RunSettings settings) {
        Strategy user = new SingleSchedule() {
            @Override
            public int choose(ChoicePoint point) {
                List<Choice> choices = new ArrayList<>();
                List<Integer> indices = new ArrayList<>();
                for (int i = 0; i < point.enabledCount(); i++) {
                    int index = point.enabled(i);
                    choices.add(new Choice(ProcessLabel.of(index), point.pid(index), point.nextCall(index)));
                    indices.add(index);
                }
                send(new Message(choices, indices, point.traceSoFar(), null, null));
                int chosen = take(toRun);
                if (chosen == CLOSE) {
                    throw new ScheduleCut("the stepping session was closed");
                }
                return chosen;
            }
        };
        user.beginSchedule();
        runner = new Thread(() -> {
            Message last;
            try {
                ScheduledRun run = scheduler.run(simulation, settings, user);
                last = new Message(List.of(), List.of(), run.trace(), run, null);
            } catch (RuntimeException e) {
                last = new Message(List.of(), List.of(), null, null, e);
            }
            send(last);
        }, "shmlab-stepper");
        runner.setDaemon(true);
        runner.start();
        current = take(toUser);
        rethrow();
    }

    /** Starts a stepped run of a simulation; nothing runs until the first {@link #step}. */
    public static Stepper start(Simulation simulation, RunSettings settings) {
        return new Stepper(simulation, settings.traced(true));
    }

    /** The processes that may run next, in start order; empty once the run has ended. */
    public List<Choice> enabled() {
        return current.enabled();
    }

    /**
     * Runs one step of the process with this pid: up to its next scheduling point.
     *
     * @throws IllegalArgumentException when that process may not run now (the message lists those
     *     that may)
     * @throws IllegalStateException when the run has ended or the stepper is closed
     */
    public void step(int pid) {
        if (closed || finished()) {
            throw new IllegalStateException(closed ? "the stepper is closed" : "the run has ended: " + current.trace().ending());
        }
        for (int i = 0; i < current.enabled().size(); i++) {
            if (current.enabled().get(i).pid() == pid) {
                put(toRun, current.indices().get(i));
                current = take(toUser);
                rethrow();
                return;
            }
        }
        throw new IllegalArgumentException("process with pid " + pid + " may not run now; enabled: " + current.enabled());
    }

    /** The trace so far (the whole trace once the run has ended). */
    public Trace trace() {
        return current.trace();
    }

    /** True once every process has ended or the run stopped (deadlock, step limit). */
    public boolean finished() {
        return current.finished() != null;
    }

    /**
     * The finished run: outputs, endings, the token that replays it.
     *
     * @throws IllegalStateException before the run has ended
     */
    public ScheduledRun result() {
        if (!finished()) {
            throw new IllegalStateException("the run has not ended yet");
        }
        return current.finished();
    }

    /** Stops the run if it has not ended, and frees its threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!finished() && current.failure() == null) {
            put(toRun, CLOSE);
            current = take(toUser);
        }
        scheduler.close();
    }

    private void rethrow() {
        if (current.failure() != null) {
            scheduler.close();
            closed = true;
            throw current.failure();
        }
    }

    private void send(Message m) {
        put(toUser, m);
    }

    private static <T> void put(SynchronousQueue<T> queue, T value) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(value);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T take(SynchronousQueue<T> queue) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
