/**
 * Schedules in the browser: the one JSON serializer of a traced run ({@link io.shmlab.web.TraceJson},
 * a versioned schema that {@code shmlab replay ... --json} prints), and the page that draws it
 * ({@link io.shmlab.web.SchedulePage}): one lane per process with its calls, blocked intervals, the
 * virtual clock, each semaphore's value and waiters, each shared object's pages, keyboard stepping,
 * saving as SVG or PNG.
 *
 * <p>Invariants:
 * <ul>
 *   <li>The page is one file: its style and script inline, nothing fetched from a network, no build
 *       step. Exported, it carries its schedule's JSON and needs no server; served, the same code
 *       asks {@code io.shmlab.web.serve} for its data.</li>
 *   <li>The picture is SVG and HTML with stable ids and classes ({@code #lane-A},
 *       {@code .step[data-index=7]}, {@code .blocked-interval}, {@code #detail[data-index]},
 *       {@code tr.semaphore}), and every state is said in words or a pattern too, never by colour
 *       alone.</li>
 *   <li>Only the rows in view are in the document, so a schedule of 100,000 steps stays responsive.</li>
 *   <li>Tracing is what replay and stepping do; exploration records nothing, so nothing here costs an
 *       exploration anything.</li>
 * </ul>
 */
package io.shmlab.web;
