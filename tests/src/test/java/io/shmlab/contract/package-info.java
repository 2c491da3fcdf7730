/**
 * The contract suite: abstract test classes, one per part of the api (shared memory objects,
 * mappings and faults, semaphores, struct layouts), each run against every backend through a small
 * subclass in {@code sim} and {@code libc}. A case states what Linux + glibc 2.36 do on x86_64; a
 * backend that gives anything else is wrong. Every name a test makes carries
 * {@link io.shmlab.contract.ShmLeakCheck#RUN_TAG} and is removed after the test; {@code ShmLeakTest}
 * checks at the end that /dev/shm holds nothing of the run.
 */
package io.shmlab.contract;
