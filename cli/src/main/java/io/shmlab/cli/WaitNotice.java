package io.shmlab.cli;

import io.shmlab.api.ForwardingOs;
import io.shmlab.api.Mapping;
import io.shmlab.api.Os;
import io.shmlab.api.Semaphore;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;

/**
 * An interactive lab's process that says, once a sem_wait has lasted {@link #AFTER}, which semaphore
 * it is blocked on and that {@code shmlab ls} tells more (its value, who has it open, whether its
 * holder died): after a {@code kill -9} inside Exercise 4's critical section the mutex stays 0, and
 * the next process would otherwise hang without a word.
 */
final class WaitNotice extends ForwardingOs {
    /** How long a wait lasts before it is named. */
    static final Duration AFTER = Duration.ofSeconds(3);
    private static final Timer TIMER = new Timer("shmlab-wait-notice", true);

    private final Console console;
    private final Map<Semaphore, String> objects = Collections.synchronizedMap(new IdentityHashMap<>());

    WaitNotice(Os process, Console console) {
        super(process);
        this.console = console;
    }

    @Override
    public Semaphore semInit(Mapping mapping, long offset, boolean pshared, long value) {
        return remember(super.semInit(mapping, offset, pshared, value), mapping);
    }

    @Override
    public Semaphore semAt(Mapping mapping, long offset) {
        return remember(super.semAt(mapping, offset), mapping);
    }

    private Semaphore remember(Semaphore sem, Mapping mapping) {
        if (mapping.objectName() != null) {
            objects.put(sem, mapping.objectName());
        }
        return sem;
    }

    @Override
    public void semWait(Semaphore sem) {
        String which = sem.name() != null ? "the semaphore " + sem.name()
                : objects.containsKey(sem) ? "the semaphore in " + objects.get(sem) : "a semaphore at " + sem.describe();
        TimerTask notice = new TimerTask() {
            @Override
            public void run() {
                console.error("note: still blocked in sem_wait on " + which + " after " + AFTER.toSeconds()
                        + " s; shmlab ls shows its value and which processes have it open");
            }
        };
        TIMER.schedule(notice, AFTER.toMillis());
        try {
            super.semWait(sem);
        } finally {
            notice.cancel();
        }
    }
}
