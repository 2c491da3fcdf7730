package io.shmlab.labs;

import static io.shmlab.api.OpenFlags.O_CREAT;

import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import java.time.Duration;

/**
 * Exercise 5 corrected. The seed's program creates the semaphore in two steps (create the object,
 * later sem_init it), and another process can use it in between. Here creating and giving the value
 * are one step: sem_open with O_CREAT makes a named semaphore that already holds 1 (glibc builds it
 * under a temporary name and links it into place, so no process ever sees it half made), and every
 * process that comes later opens that same semaphore.
 *
 * <pre>
 * C                                                   Java (this class)
 * sem_t *sem = sem_open("/myData", O_CREAT, 0666, 1); Semaphore sem = os.semOpen(name, O_CREAT, 0666, 1);
 * if (sem == SEM_FAILED) { perror("sem_open"); ... }  (a failure propagates: message, status 1)
 * sem_wait(sem);                                      os.semWait(sem);
 * printf("I'm alone here!\n");                        os.println("I'm alone here!");
 * sleep(1);                                           os.sleep(Duration.ofSeconds(1));
 * sem_post(sem);                                      os.semPost(sem);
 * sem_close(sem);                                     os.semClose(sem);
 * </pre>
 *
 * <p>Arguments: {@code [name]}, {@code /myData} by default (glibc keeps it as {@code sem.myData}).
 */
public final class Exercise5Fixed implements Program {
    private final String name;

    /** @param args {@code [name]} */
    public Exercise5Fixed(String[] args) {
        this.name = args.length > 0 ? args[0] : Exercise5.DEFAULT_NAME;
    }

    @Override
    public int main(Os os) {
        Semaphore sem = os.semOpen(name, O_CREAT, 0666, 1);
        os.semWait(sem);
        os.println("I'm alone here!");
        os.sleep(Duration.ofSeconds(1));
        os.semPost(sem);
        os.semClose(sem);
        return 0;
    }
}
