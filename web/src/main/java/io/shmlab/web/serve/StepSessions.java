package io.shmlab.web.serve;

import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.sim.sched.Stepper;
import io.shmlab.web.Json;
import io.shmlab.web.ScheduleView;
import io.shmlab.web.TraceJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stepped runs of the page's step mode: the user is the scheduler, as in {@code shmlab step}. Each
 * session is a {@link Stepper}; every answer carries the trace so far (with the machine's state after
 * each step) and what each process that may run would do next. A finished run's session is closed at
 * once; {@link #closeAll} ends the rest when the server stops.
 */
final class StepSessions {
    /** At most this many runs stepped at once; the oldest is closed to make room. */
    private static final int MOST = 16;

    private record Session(String entry, Stepper stepper) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final TraceJson json;

    StepSessions(TraceJson json) {
        this.json = json;
    }

    /** Starts a stepped run of an entry with two processes; returns the first answer. */
    synchronized String start(Catalog.Entry entry, int processes) {
        if (sessions.size() >= MOST) {
            String oldest = sessions.keySet().stream().min((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).orElseThrow();
            close(oldest);
        }
        RunSettings settings = RunSettings.of(processes).with(entry.raceInMemory() ? Granularity.ACCESS : Granularity.SYSCALL);
        Stepper stepper = Stepper.start(entry.simulation(), settings);
        String id = String.valueOf(ids.incrementAndGet());
        Session session = new Session(entry.id(), stepper);
        sessions.put(id, session);
        return answer(id, session);
    }

    /**
     * Runs one step of the process with this pid; returns the answer, or null when there is no such
     * session.
     *
     * @throws IllegalArgumentException when that process may not run now
     */
    synchronized String step(String id, int pid) {
        Session session = sessions.get(id);
        if (session == null) {
            return null;
        }
        session.stepper().step(pid);
        return answer(id, session);
    }

    synchronized void close(String id) {
        Session session = sessions.remove(id);
        if (session != null) {
            session.stepper().close();
        }
    }

    synchronized void closeAll() {
        for (String id : sessions.keySet().toArray(new String[0])) {
            close(id);
        }
    }

    private String answer(String id, Session session) {
        Stepper stepper = session.stepper();
        boolean finished = stepper.finished();
        ScheduledRun run = finished ? stepper.result() : null;
        ScheduleView view = new ScheduleView(session.entry(), run == null ? null : run.token(), stepper.trace(),
                run == null ? null : run.report(), run == null ? null : run.outcome());
        Json out = new Json().beginObject(null).value("session", id).value("finished", finished);
        out.beginArray("enabled");
        for (Stepper.Choice c : stepper.enabled()) {
            out.beginObject(null).value("label", c.label()).value("pid", c.pid()).value("next", c.nextCall()).endObject();
        }
        out.endArray();
        json.write(view, out, "trace");
        out.endObject();
        if (finished) {
            close(id);
        }
        return out.toString();
    }
}
