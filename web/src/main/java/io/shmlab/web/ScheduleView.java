package io.shmlab.web;

import io.shmlab.api.RunReport;
import io.shmlab.sim.sched.Outcome;
import io.shmlab.sim.sched.Trace;

/**
 * One schedule as the picture shows it: the lab or program it ran, its token, the trace with each
 * step's source and machine state, how each process ended and how the run is counted.
 *
 * @param program the lab's id or the program's name
 * @param token the schedule token that replays it, or null for a stepped run not yet finished
 * @param trace the steps, their sources and states, and the ending
 * @param report how each process ended and what it printed, or null while a stepped run goes on
 * @param outcome how exploration counts the run, or null while a stepped run goes on
 */
public record ScheduleView(String program, String token, Trace trace, RunReport report, Outcome outcome) {
}
