package io.shmlab.web.serve;

import io.shmlab.sim.sched.ExplorationReport;
import io.shmlab.sim.sched.ExploreOptions;
import io.shmlab.sim.sched.Explorer;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.ProgressListener;
import io.shmlab.web.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Explorations the page started, each on the server's worker pool: their progress, their counts by
 * outcome and their failing schedules (the shortest {@link #LISTED} of them), as the page polls them.
 */
final class Explorations {
    /** How many failing schedules a status lists, shortest first. */
    static final int LISTED = 50;

    private final ExecutorService workers;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    Explorations(ExecutorService workers) {
        this.workers = workers;
    }

    private record Failing(String token, Outcome outcome, long steps) {
    }

    /** One exploration: written by its worker, read by the page's polls. */
    private static final class Job implements ProgressListener {
        final String lab;
        volatile ExplorationReport soFar;
        volatile boolean done;
        volatile String error;
        final List<Failing> failing = new ArrayList<>();

        Job(String lab) {
            this.lab = lab;
        }

        @Override
        public void progress(ExplorationReport report) {
            soFar = report;
        }

        @Override
        public void failingSchedule(String token, Outcome outcome, long steps) {
            synchronized (failing) {
                failing.add(new Failing(token, outcome, steps));
                failing.sort(Comparator.comparingLong(Failing::steps));
                if (failing.size() > LISTED) {
                    failing.remove(failing.size() - 1);
                }
            }
        }
    }

    /** Starts exploring an entry with the command's defaults; returns the job's id. */
    String start(Catalog.Entry entry, int processes, long maxSchedules) {
        ExploreOptions options = ExploreOptions.defaults().withPerAccess(entry.raceInMemory()).withMaxSchedules(maxSchedules)
                .withProgressEvery(10);
        Job job = new Job(entry.id());
        String id = String.valueOf(ids.incrementAndGet());
        jobs.put(id, job);
        workers.submit(() -> {
            try {
                job.soFar = Explorer.explore(entry.simulation(), processes, options, job);
            } catch (RuntimeException e) {
                job.error = String.valueOf(e.getMessage());
            } finally {
                job.done = true;
            }
        });
        return id;
    }

    /** The job's status as JSON, or null when there is no such job. */
    String status(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return null;
        }
        boolean done = job.done;
        ExplorationReport r = job.soFar;
        Json json = new Json().beginObject(null)
                .value("id", id)
                .value("lab", job.lab)
                .value("done", done)
                .value("complete", r != null && r.complete())
                .value("error", job.error)
                .value("schedules", r == null ? 0 : r.schedules())
                .value("failing", r == null ? 0 : r.failing());
        json.beginObject("counts");
        for (Outcome o : Outcome.values()) {
            if (r != null && r.count(o) > 0) {
                json.value(name(o), r.count(o));
            }
        }
        json.endObject();
        json.beginArray("failingSchedules");
        synchronized (job.failing) {
            for (Failing f : job.failing) {
                json.beginObject(null).value("token", f.token()).value("outcome", name(f.outcome())).value("steps", f.steps())
                        .endObject();
            }
        }
        return json.endArray().endObject().toString();
    }

    static String name(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
