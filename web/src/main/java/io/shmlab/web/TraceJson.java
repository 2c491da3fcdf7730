package io.shmlab.web;

import io.shmlab.api.Ending;
import io.shmlab.api.Footprint;
import io.shmlab.api.ProcessOutcome;
import io.shmlab.api.Signal;
import io.shmlab.sim.sched.Step;
import io.shmlab.sim.sched.StepSource;
import io.shmlab.sim.sched.Trace;
import io.shmlab.sim.sched.WorldState;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one serializer of a schedule for other tools and for the page: {@code replay ... --json}
 * prints it, the exported HTML embeds it, {@code serve} answers with it. The schema is versioned by
 * {@link #SCHEMA}; a change that removes or renames a field gets a new version.
 *
 * <pre>
 * {
 *   "schema": "shmlab-trace/1",
 *   "program": "ex5", "token": "AQAC...", "outcome": "deadlock", "failed": true,
 *   "ending": "deadlock: every live process is blocked ...",
 *   "epochNanos": 1700000000000000000,          the virtual clock's start
 *   "processes": [{"label": "A", "pid": 1000, "ending": "exited with status 0", "failed": false,
 *                  "blocked": false, "output": "..."}],
 *   "steps": [{"index": 7, "process": "B", "pid": 1001,
 *              "kind": "call" | "blocked" | "resumed" | "access" | "exit",
 *              "call": "sem_wait", "syscall": "SEM_WAIT",   the C name and the api's Syscall
 *              "arguments": "0x7f...", "result": "0" or null while blocked,
 *              "clockNanos": ..., "time": "+0.000s" or null when the clock did not move,
 *              "footprint": {"resource": "semaphore", "access": "write", "name": ...,
 *                            "address": ..., "length": ...  (memory accesses only)},
 *              "wokenBy": "A" or null, "timedOut": false, "wakes": ["B"],
 *              "notes": ["woken by A", "wakes B"]   (the same, in words), "warnings": [...],
 *              "source": {"class": ..., "method": ..., "file": "Ex5.java", "line": 57, "text": ...} or null,
 *              "state": 3,                     an index into "states", or -1
 *              "pageFaults": 1,                page faults the step's process took in it
 *              "signal": "SIGBUS" or null}],   the step's process ended by this fault
 *   "states": [{"semaphores": [{"name": "/myData+0", "value": 0, "waiters": 1}],
 *               "objects": [{"name": "/myData", "size": 32, "pages": 1, "mappedPages": 1,
 *                            "resident": [0], "touched": {"A": [0], "B": [0]}}],
 *               "minorFaults": {"A": 1, "B": 1}}]
 * }
 * </pre>
 *
 * A step's {@code state} is the machine right after it; consecutive steps that changed nothing share
 * one entry of {@code states}.
 */
public final class TraceJson {
    /** The schema's name and version. */
    public static final String SCHEMA = "shmlab-trace/1";

    /** Where the virtual clock starts (the scheduler's CLOCK_REALTIME at the start of a run). */
    public static final long EPOCH_NANOS = 1_700_000_000L * 1_000_000_000L;

    private static final long PAGE_SIZE = io.shmlab.api.Limits.PAGE_SIZE;

    private final SourceLines sources;

    /** A serializer that looks source lines up in {@code sources}. */
    public TraceJson(SourceLines sources) {
        this.sources = sources;
    }

    /** The schedule as one JSON object. */
    public String write(ScheduleView view) {
        Json json = new Json();
        write(view, json, null);
        return json.toString();
    }

    /**
     * Writes the schedule as one object into {@code json} (named {@code name} inside an object, or
     * null).
     */
    public void write(ScheduleView view, Json json, String name) {
        Trace trace = view.trace();
        json.beginObject(name)
                .value("schema", SCHEMA)
                .value("program", view.program())
                .value("token", view.token())
                .value("outcome", view.outcome() == null ? null : view.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .value("failed", view.outcome() != null && view.outcome().failing())
                .value("ending", trace.ending())
                .value("epochNanos", EPOCH_NANOS);
        writeProcesses(view, json);
        Map<WorldState, Integer> stateIndex = new IdentityHashMap<>();
        List<WorldState> distinct = new java.util.ArrayList<>();
        json.beginArray("steps");
        WorldState before = WorldState.NONE;
        long lastClock = Long.MIN_VALUE;
        for (Step s : trace.steps()) {
            WorldState state = trace.state(s.index());
            Integer index = stateIndex.get(state);
            if (index == null && state != WorldState.NONE) {
                index = distinct.size();
                stateIndex.put(state, index);
                distinct.add(state);
            }
            json.beginObject(null)
                    .value("index", s.index())
                    .value("process", s.process())
                    .value("pid", s.pid())
                    .value("kind", s.kind().name().toLowerCase(Locale.ROOT))
                    .value("call", s.call().cName())
                    .value("syscall", s.call().name())
                    .value("arguments", s.arguments())
                    .value("result", s.result())
                    .value("clockNanos", s.clockNanos())
                    .value("time", s.clockNanos() == lastClock ? null : seconds(s.clockNanos() - EPOCH_NANOS));
            writeFootprint(s.footprint(), json);
            json.value("wokenBy", s.wokenBy())
                    .value("timedOut", s.timedOut())
                    .strings("wakes", s.wakes())
                    .strings("notes", s.notes())
                    .strings("warnings", s.warnings());
            writeSource(trace.source(s.index()), json);
            json.value("state", index == null ? -1 : index)
                    .value("pageFaults", faults(state, s.process()) - faults(before, s.process()))
                    .value("signal", s.kind() == Step.Kind.EXIT ? faultSignal(view, s.process()) : null)
                    .endObject();
            lastClock = s.clockNanos();
            before = state == WorldState.NONE ? before : state;
        }
        json.endArray();
        json.beginArray("states");
        for (WorldState state : distinct) {
            writeState(state, json);
        }
        json.endArray();
        json.endObject();
    }

    private static void writeProcesses(ScheduleView view, Json json) {
        json.beginArray("processes");
        List<String> labels = view.trace().labels();
        for (int i = 0; i < labels.size(); i++) {
            ProcessOutcome outcome = outcome(view, labels.get(i));
            json.beginObject(null)
                    .value("label", labels.get(i))
                    .value("pid", view.trace().pids().get(i))
                    .value("ending", outcome == null ? null : outcome.ending().toString())
                    .value("failed", outcome != null && outcome.ending().failed())
                    .value("blocked", outcome != null && outcome.ending() instanceof Ending.Blocked)
                    .value("output", outcome == null ? null : outcome.output())
                    .endObject();
        }
        json.endArray();
    }

    private static void writeFootprint(Footprint f, Json json) {
        if (f == null) {
            json.value("footprint", (String) null);
            return;
        }
        json.beginObject("footprint")
                .value("resource", f.resource().name().toLowerCase(Locale.ROOT))
                .value("access", f.access().name().toLowerCase(Locale.ROOT))
                .value("name", f.name());
        if (f.resource() == Footprint.Resource.MEMORY) {
            json.value("address", f.address()).value("length", f.length());
        }
        json.endObject();
    }

    private void writeSource(StepSource source, Json json) {
        if (source == null) {
            json.value("source", (String) null);
            return;
        }
        json.beginObject("source")
                .value("class", source.className())
                .value("method", source.method())
                .value("file", source.file())
                .value("line", source.line())
                .value("text", sources.text(source))
                .endObject();
    }

    private static void writeState(WorldState state, Json json) {
        json.beginObject(null);
        json.beginArray("semaphores");
        for (WorldState.SemaphoreState s : state.semaphores()) {
            json.beginObject(null).value("name", s.name()).value("value", s.value()).value("waiters", s.waiters()).endObject();
        }
        json.endArray();
        json.beginArray("objects");
        for (WorldState.ObjectState o : state.objects()) {
            json.beginObject(null)
                    .value("name", o.name())
                    .value("size", o.size())
                    .value("pages", o.size() / PAGE_SIZE + (o.size() % PAGE_SIZE == 0 ? 0 : 1))
                    .value("mappedPages", o.mappedPages())
                    .numbers("resident", o.resident());
            json.beginObject("touched");
            for (Map.Entry<String, List<Long>> e : new java.util.TreeMap<>(o.touched()).entrySet()) {
                json.numbers(e.getKey(), e.getValue());
            }
            json.endObject();
            json.endObject();
        }
        json.endArray();
        json.numberMap("minorFaults", new java.util.TreeMap<>(state.minorFaults()));
        json.endObject();
    }

    private static long faults(WorldState state, String label) {
        Long n = state.minorFaults().get(label);
        return n == null ? 0 : n;
    }

    private static ProcessOutcome outcome(ScheduleView view, String label) {
        if (view.report() == null) {
            return null;
        }
        return view.report().processes().stream().filter(p -> label.equals(p.label())).findFirst().orElse(null);
    }

    /** SIGBUS or SIGSEGV when the process ended by that memory fault, else null. */
    private static String faultSignal(ScheduleView view, String label) {
        ProcessOutcome outcome = outcome(view, label);
        if (outcome != null && outcome.ending() instanceof Ending.Killed k
                && (k.signal() == Signal.SIGBUS || k.signal() == Signal.SIGSEGV)) {
            return k.signal().name();
        }
        return null;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "+%d.%03ds", nanos / 1_000_000_000L, (nanos / 1_000_000L) % 1000);
    }
}
