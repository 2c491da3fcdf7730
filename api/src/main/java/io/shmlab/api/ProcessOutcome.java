package io.shmlab.api;

/**
 * One process of a run: its pid, what it wrote to standard output, and how it ended.
 *
 * @param label the process's short name in reports: A, B, C, ...
 */
public record ProcessOutcome(String label, int pid, String output, Ending ending) {
}
