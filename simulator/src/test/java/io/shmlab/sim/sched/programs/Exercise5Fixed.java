package io.shmlab.sim.sched.programs;

import io.shmlab.api.Errno;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import java.time.Duration;

/**
 * Exercise 5 fixed: the semaphore is named and created initialised by sem_open with
 * O_CREAT|O_EXCL, which glibc makes atomic (the object appears under its name only once it holds
 * the value), so no process can wait on a semaphore another is still initialising.
 */
public final class Exercise5Fixed implements Program {

    /** The semaphore's name. */
    public static final String SEM_NAME = "/myDataSem";

    @Override
    public int main(Os os) {
        Semaphore sem;
        try {
            sem = os.semOpen(SEM_NAME, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0666, 1);
        } catch (PosixException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
            sem = os.semOpen(SEM_NAME, 0);
        }
        os.semWait(sem);
        os.println("I'm alone here!");
        os.sleep(Duration.ofSeconds(1));
        os.semPost(sem);
        os.semClose(sem);
        return 0;
    }
}
