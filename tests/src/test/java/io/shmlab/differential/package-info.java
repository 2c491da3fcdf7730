/**
 * The simulator against the real kernel, step by step: jqwik draws random programs ({@link
 * io.shmlab.differential.Steps}) of backend-neutral steps ({@link io.shmlab.differential.Step}), each
 * program runs on both from the same empty start ({@link io.shmlab.differential.World}), and every
 * step must end the same way. Addresses and descriptor numbers are never compared: they differ by
 * design.
 *
 * <p>Invariants: a build runs the same programs every time (a fixed seed), so its outcome depends on
 * the code alone; new programs are drawn only in the {@code explore} run ({@code -Pstress}). A
 * disagreement is a bug in one backend: it is settled with a C program on Linux + glibc and becomes a
 * contract case, never an exception in the comparison. Every name a program makes is removed.
 */
package io.shmlab.differential;
