package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A deadlock is what the program threads do, steadily, with no progress: never how long a run takes. */
class HangWatchTest {
    private static final KernelWait WAIT = KernelWait.UNTIMED_FUTEX_WAIT;

    @Test
    void everyProgramThreadInAnUntimedWaitOverThreeSamplesIsAHang() {
        HangWatch watch = new HangWatch();
        assertFalse(watch.sample(List.of(WAIT, WAIT), 7));
        assertFalse(watch.sample(List.of(WAIT, WAIT), 7));
        assertTrue(watch.sample(List.of(WAIT, WAIT), 7));
    }

    @Test
    void oneProcessInATimedSleepIsNoHang() {
        HangWatch watch = new HangWatch();
        for (int i = 0; i < 10; i++) {
            assertFalse(watch.sample(List.of(WAIT, KernelWait.OTHER, WAIT), 7));
        }
    }

    @Test
    void progressBetweenSamplesStartsTheCountAgain() {
        HangWatch watch = new HangWatch();
        watch.sample(List.of(WAIT), 1);
        watch.sample(List.of(WAIT), 1);
        assertFalse(watch.sample(List.of(WAIT), 2), "a call returned: the waits seen were not the same");
        assertFalse(watch.sample(List.of(WAIT), 2));
        assertTrue(watch.sample(List.of(WAIT), 2));
    }

    @Test
    void noLiveProcessIsNoHang() {
        HangWatch watch = new HangWatch();
        for (int i = 0; i < 5; i++) {
            assertFalse(watch.sample(List.of(), 0));
        }
    }

    @Test
    void theSyscallFileTellsUntimedFutexWaitsFromTimedOnesAndOtherCalls() {
        // sem_wait: FUTEX_WAIT_BITSET on a shared futex, no timeout
        assertEquals(WAIT, ThreadWaitProbe.ofSyscall("202 0x7f5b1c1ff000 0x9 0x0 0x0 0x0 0xffffffff 0x7ffd 0x7f5b"));
        // a private FUTEX_WAIT with no timeout (a Java lock, a sem_t whose private field is 0)
        assertEquals(WAIT, ThreadWaitProbe.ofSyscall("202 0x7f5b1c1ff000 0x80 0x0 0x0 0x0 0x0 0x7ffd 0x7f5b"));
        // sem_timedwait: a timeout pointer; FUTEX_CLOCK_REALTIME set
        assertEquals(KernelWait.OTHER, ThreadWaitProbe.ofSyscall("202 0x7f5b1c1ff000 0x189 0x0 0x7f5b1c0fe9a0 0x0 0xffffffff 0x7ffd 0x7f5b"));
        // clock_nanosleep, a wake, running
        assertEquals(KernelWait.OTHER, ThreadWaitProbe.ofSyscall("230 0x1 0x1 0x7f5b1c0fe9a0 0x0 0x0 0x0 0x7ffd 0x7f5b"));
        assertEquals(KernelWait.OTHER, ThreadWaitProbe.ofSyscall("202 0x7f5b1c1ff000 0x81 0x1 0x0 0x0 0x0 0x7ffd 0x7f5b"));
        assertEquals(KernelWait.OTHER, ThreadWaitProbe.ofSyscall("running"));
    }
}
