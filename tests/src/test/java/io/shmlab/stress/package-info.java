/**
 * Stress with nothing lost: Exercise 4's ring buffer ({@link io.shmlab.labs.RingBuffer} over
 * {@link io.shmlab.labs.RingBufferLayout}, guarded by the exercise's named semaphores) with several
 * producers and consumers, in real child JVMs and in simulated processes.
 *
 * <p>Invariants the tests check after every run: each item sent, (producer, sequence), has exactly
 * one receipt in the ledger ({@link io.shmlab.stress.LedgerLayout}); no item arrived corrupt or
 * unsent; every process ended with status 0, none blocked. The ring object stays byte for byte the
 * lab's {@code struct ring_buffer}; the test's own bookkeeping lives in a separate ledger object.
 * Sizes come from system properties set by {@code tests/pom.xml} (short by default, long with
 * {@code -Pstress}).
 */
package io.shmlab.stress;
