package io.shmlab.web.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shmlab.sim.sched.Replayer;
import io.shmlab.sim.sched.ScheduledRun;
import io.shmlab.web.Json;
import io.shmlab.web.ScheduleView;
import io.shmlab.web.SchedulePage;
import io.shmlab.web.TraceJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code shmlab serve}: the schedule page live, on the loopback interface only. The page lists the
 * catalog's labs and programs, explores one with its progress, counts by outcome and failing
 * schedules, replays a schedule, and steps a run with the user as the scheduler.
 *
 * <pre>
 * GET  /                                  the page (the exported page's code, in live mode)
 * GET  /api/labs                          [{"id", "title"}]
 * POST /api/explore?lab=ID[&amp;procs=N]      {"id"}: an exploration started
 * GET  /api/explore/status?id=ID          its progress, counts by outcome, failing schedules
 * GET  /api/replay?lab=ID&amp;token=T          the schedule, as {@link TraceJson} writes it
 * POST /api/step/start?lab=ID[&amp;procs=N]   a stepped run: {"session", "finished", "enabled", "trace"}
 * POST /api/step/run?session=S&amp;pid=P      runs process P one step: the same answer
 * POST /api/step/close?session=S          ends a stepped run
 * </pre>
 *
 * An error is {@code {"error": "..."}} with status 400 (a bad request) or 404 (no such lab, job or
 * session).
 */
public final class LabServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;
    private final Catalog catalog;
    private final TraceJson json;
    private final Explorations explorations;
    private final StepSessions sessions;

    private LabServer(HttpServer server, Catalog catalog, TraceJson json) {
        this.server = server;
        this.catalog = catalog;
        this.json = json;
        this.workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "shmlab-serve-explore");
            t.setDaemon(true);
            return t;
        });
        this.explorations = new Explorations(workers);
        this.sessions = new StepSessions(json);
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, or 0 for one the system chooses
     * @throws IOException when the port cannot be bound
     */
    public static LabServer start(Catalog catalog, TraceJson json, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        LabServer server = new LabServer(http, catalog, json);
        http.createContext("/", server::handle);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "shmlab-serve-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return server;
    }

    /** The page's address: {@code http://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        sessions.closeAll();
        workers.shutdownNow();
        if (server.getExecutor() instanceof ExecutorService http) {
            http.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            try {
                route(exchange, path, query);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "application/json", error(e.getMessage()));
            } catch (RuntimeException e) {
                send(exchange, 500, "application/json", error(String.valueOf(e)));
            }
        }
    }

    private void route(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        boolean post = exchange.getRequestMethod().equals("POST");
        switch (path) {
            case "/", "/index.html" -> send(exchange, 200, "text/html; charset=utf-8", SchedulePage.live());
            case "/api/labs" -> send(exchange, 200, "application/json", labs());
            case "/api/explore" -> {
                requirePost(post);
                Catalog.Entry entry = entry(query);
                String id = explorations.start(entry, processes(query), 10_000);
                send(exchange, 200, "application/json", new Json().beginObject(null).value("id", id).endObject().toString());
            }
            case "/api/explore/status" -> {
                String status = explorations.status(required(query, "id"));
                if (status == null) {
                    send(exchange, 404, "application/json", error("no exploration " + query.get("id")));
                } else {
                    send(exchange, 200, "application/json", status);
                }
            }
            case "/api/replay" -> {
                Catalog.Entry entry = entry(query);
                String token = required(query, "token");
                ScheduledRun run = Replayer.replay(entry.simulation(), token);
                send(exchange, 200, "application/json",
                        json.write(new ScheduleView(entry.id(), token, run.trace(), run.report(), run.outcome())));
            }
            case "/api/step/start" -> {
                requirePost(post);
                send(exchange, 200, "application/json", sessions.start(entry(query), processes(query)));
            }
            case "/api/step/run" -> {
                requirePost(post);
                String answer = sessions.step(required(query, "session"), number(required(query, "pid"), "pid"));
                if (answer == null) {
                    send(exchange, 404, "application/json", error("no stepped run " + query.get("session") + " (it ended or was closed)"));
                } else {
                    send(exchange, 200, "application/json", answer);
                }
            }
            case "/api/step/close" -> {
                requirePost(post);
                sessions.close(required(query, "session"));
                send(exchange, 200, "application/json", "{}");
            }
            default -> send(exchange, 404, "application/json", error("nothing at " + path));
        }
    }

    private String labs() {
        Json out = new Json().beginArray(null);
        for (Catalog.Entry e : catalog.all()) {
            out.beginObject(null).value("id", e.id()).value("title", e.title()).value("raceInMemory", e.raceInMemory()).endObject();
        }
        return out.endArray().toString();
    }

    private Catalog.Entry entry(Map<String, String> query) {
        String id = required(query, "lab");
        return catalog.byId(id).orElseThrow(() -> new IllegalArgumentException("no lab or program '" + id + "'"));
    }

    private static int processes(Map<String, String> query) {
        int n = query.containsKey("procs") ? number(query.get("procs"), "procs") : 2;
        if (n < 1 || n > 16) {
            throw new IllegalArgumentException("procs=" + n + ": 1 to 16 processes");
        }
        return n;
    }

    private static void requirePost(boolean post) {
        if (!post) {
            throw new IllegalArgumentException("use POST");
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing parameter '" + name + "'");
        }
        return value;
    }

    private static int number(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + text + ": not a number");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static String error(String message) {
        return new Json().beginObject(null).value("error", message).endObject().toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
