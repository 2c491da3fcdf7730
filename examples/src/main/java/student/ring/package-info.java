/**
 * A student's answer to the course's Exercise 4, as a project of its own would hold it: a ring buffer
 * in shared memory with named semaphores ({@link student.ring.RingBuffer}, laid out by
 * {@link student.ring.RingLayout}), a correct producer/consumer program ({@link student.ring.Ring}) and
 * one whose critical section lost its mutex ({@link student.ring.BrokenRing}, over
 * {@link student.ring.UnlockedRingBuffer}). Its JUnit tests, through {@code shmlab-junit}, find the
 * broken one's lost or duplicated item and pass the correct one.
 */
package student.ring;
