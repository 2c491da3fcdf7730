/**
 * Benchmarks: each figure of shmlab measured against a reference in the same run (C programs built
 * with gcc -O2 from the course's code, a plain ByteBuffer, the same run at a smaller size, or, where
 * a row's note says so, the target), by JMH for in-process figures and by a small driver
 * ({@link io.shmlab.bench.BenchMain}) for the rest. Run them all with {@code bench/run}; the numbers
 * of a real run are in BENCHMARKS.md.
 *
 * <p>Invariants:
 * <ul>
 *   <li>both sides of a ratio are timed the same way, in the same run, and every row's note says how;</li>
 *   <li>every figure checks what it moved (checksums, outputs, outcomes) and fails loudly rather than
 *       print a number for a wrong run;</li>
 *   <li>standard output is the Markdown table alone; progress goes to standard error;</li>
 *   <li>whatever a figure creates in the shared-memory namespace has a unique name and is unlinked;</li>
 *   <li>tests run the driver in smoke mode: they check the harness, never timing.</li>
 * </ul>
 */
package io.shmlab.bench;
