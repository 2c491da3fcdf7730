package io.shmlab.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Fixed points of a command where a test can have it signal itself, so that an interruption (SIGINT,
 * SIGTERM) lands exactly there: {@value #SIGNAL_AT_PROPERTY} names the point, {@value #SIGNAL_PROPERTY}
 * the signal ({@code INT} by default, or {@code TERM}). At a point the command sends the signal to its
 * own JVM with kill(1) and waits for it to end the JVM, except at {@link #CLEAN_UP} and
 * {@link #SCHEDULE_COUNTED}, where it goes on while the signal's clean-up starts beside it. Without the
 * properties the points cost nothing.
 *
 * <p>The points: {@link #START_UP} (the command has claimed its names and is about to make them),
 * {@link #CHILDREN_STARTED} (the child processes of {@code run} or {@code replay} are running; the
 * program of an interactive lab has started), {@link #MID_RUN} (a second later for children, half a
 * second for a lab), {@link #SCHEDULE_COUNTED} ({@code explore --exec} has counted its first schedule:
 * the signal lands as the next run starts or runs), {@link #CLEAN_UP} (the command's normal clean-up
 * begins).
 */
final class TestHook {
    static final String SIGNAL_AT_PROPERTY = "shmlab.test.signalAt";
    static final String SIGNAL_PROPERTY = "shmlab.test.signal";
    static final String START_UP = "start-up";
    static final String CHILDREN_STARTED = "children-started";
    static final String MID_RUN = "mid-run";
    static final String SCHEDULE_COUNTED = "schedule-counted";
    static final String CLEAN_UP = "clean-up";
    private static final Duration CHILDREN_MID_RUN = Duration.ofSeconds(1);
    private static final Duration LAB_MID_RUN = Duration.ofMillis(500);
    private static volatile boolean started;

    private TestHook() {
    }

    private static boolean armed(String point) {
        return point.equals(System.getProperty(SIGNAL_AT_PROPERTY));
    }

    /** The command has reached a point on its own thread. */
    static void reached(String point) {
        if (!armed(point)) {
            return;
        }
        signalSelf();
        if (!point.equals(CLEAN_UP) && !point.equals(SCHEDULE_COUNTED)) {
            pause();
        }
    }

    /**
     * The command is about to start its child processes, its names claimed: {@link #START_UP} is reached,
     * and the children are watched for {@link #CHILDREN_STARTED} and {@link #MID_RUN}.
     */
    static void startingChildren() {
        reached(START_UP);
        watchChildren();
    }

    /** The program of an interactive lab has started (its first output); mid-run follows half a second later. */
    static void labStarted() {
        if (started) {
            return;
        }
        started = true;
        if (armed(MID_RUN)) {
            later(LAB_MID_RUN);
        }
        reached(CHILDREN_STARTED);
    }

    /** Watches, on a daemon thread, for this JVM's first child process: children-started, then mid-run. */
    private static void watchChildren() {
        if (!armed(CHILDREN_STARTED) && !armed(MID_RUN)) {
            return;
        }
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.current().children().findAny().isEmpty()) {
                sleep(Duration.ofMillis(5));
            }
            if (armed(MID_RUN)) {
                sleep(CHILDREN_MID_RUN);
            }
            signalSelf();
        }, "shmlab-test-hook");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void later(Duration delay) {
        Thread timer = new Thread(() -> {
            sleep(delay);
            signalSelf();
        }, "shmlab-test-hook");
        timer.setDaemon(true);
        timer.start();
    }

    private static void signalSelf() {
        String signal = System.getProperty(SIGNAL_PROPERTY, "INT").toUpperCase(Locale.ROOT);
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid()))
                    .inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("test hook: cannot send SIG" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        sleep(Duration.ofSeconds(60));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
