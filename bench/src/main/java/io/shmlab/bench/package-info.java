/**
 * Benchmarks: each figure of shmlab measured against a reference in the same run (C programs built
 * with gcc -O2 from the course's code, a plain ByteBuffer), by JMH for in-process figures and by a
 * small driver for cross-process ones. Run them all with {@code bench/run}; the numbers of a real run
 * are in BENCHMARKS.md. Tests run the driver in smoke mode: they check the harness, never timing.
 */
package io.shmlab.bench;
