/**
 * {@code shmlab serve}: the schedule page live, from the JDK's HTTP server on 127.0.0.1 only. It
 * lists a {@link io.shmlab.web.serve.Catalog} of labs and programs, explores one on a worker thread
 * (progress, counts by outcome, the failing schedules), replays a token, and steps a run with the user
 * as the scheduler ({@link io.shmlab.sim.sched.Stepper}). Every schedule it sends is
 * {@link io.shmlab.web.TraceJson}'s JSON.
 *
 * <p>Invariants: it binds the loopback address only; a stepped run is closed when it finishes, when
 * the page starts another, or when the server stops, so no simulated process outlives the server.
 */
package io.shmlab.web.serve;
