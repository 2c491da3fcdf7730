package io.shmlab.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page that draws schedules: one HTML file with its style and script inline, no network, no
 * build step. Exported ({@link #exported}) it carries one schedule's JSON and opens from a USB stick;
 * served ({@link #live}) it asks {@code shmlab serve} for labs, explorations, replays and stepped
 * runs, and draws them with the same code.
 */
public final class SchedulePage {
    private static final String TEMPLATE = "page.html";
    private static final String DATA = "/*SHMLAB_DATA*/null";
    private static final String MODE = "/*SHMLAB_MODE*/\"file\"";

    private SchedulePage() {
    }

    /** The self-contained page of one schedule, given as {@link TraceJson} JSON. */
    public static String exported(String traceJson) {
        return fill(traceJson, "\"file\"");
    }

    /** The page {@code shmlab serve} hands out: it loads everything from the server it came from. */
    public static String live() {
        return fill("null", "\"live\"");
    }

    private static String fill(String data, String mode) {
        String page = template();
        int at = page.indexOf(DATA);
        if (at < 0 || page.indexOf(MODE) < 0) {
            throw new IllegalStateException(TEMPLATE + " lacks its data or mode marker");
        }
        // the JSON escapes '<', so it cannot close the script element it sits in
        page = page.substring(0, at) + data + page.substring(at + DATA.length());
        return page.replace(MODE, mode);
    }

    private static String template() {
        try (InputStream in = SchedulePage.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TEMPLATE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
