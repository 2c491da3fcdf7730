package io.shmlab.labs;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;

import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import java.time.Duration;

/**
 * Exercise 5: the seed's incorrect program, ported as it is. Run concurrently, one instance can block
 * forever: the process that creates {@code /myData} has not yet run sem_init when another one, which
 * found the object, already waits on the zeroed {@code sem_t}; sem_init then overwrites the
 * semaphore under that waiter (its waiter count included), so the creator's sem_post later wakes no
 * one. On the simulator the race comes out of glibc's semaphore algorithm, found by exploring
 * schedules; on real processes an injected delay before sem_init makes it show, or the simulator's
 * schedule forced on them ({@code shmlab replay ex5 TOKEN --backend=native}).
 *
 * <pre>
 * C (the seed)                                             Java (this class)
 * int fd = shm_open("/myData", O_RDWR|O_CREAT|O_EXCL,      try { fd = os.shmOpen(name, O_RDWR | O_CREAT
 *                   0666);                                           | O_EXCL, 0666); created = true; }
 * char createSucceeded = (fd != -1);                       catch (PosixException e) { created = false; }
 * if (fd == -1) fd = shm_open("/myData", O_RDWR, 0666);    if (!created) fd = os.shmOpen(name, O_RDWR, 0666);
 * if (fd == -1) { perror("shm_open"); exit(1); }           (a failure propagates: message, status 1)
 * ftruncate(fd, sizeof(struct data));                      os.ftruncate(fd, SemDataLayout.SIZE);
 * data = mmap(NULL, sizeof(struct data),                   Mapping data = os.mmap(SemDataLayout.SIZE,
 *     PROT_WRITE|PROT_READ, MAP_SHARED, fd, 0);                PROT_WRITE | PROT_READ, MAP_SHARED, fd, 0);
 * if (createSucceeded)                                     if (created) {
 *                                                              os.sleep(delayInit);  // the injected delay
 *   sem_init(&amp;data->sem, 1, 1);                                os.semInit(data, SEM_OFFSET, true, 1); }
 * sem_wait(&amp;data->sem);                                     os.semWait(sem);
 * printf("I'm alone here!\n");                             os.println("I'm alone here!");
 * sleep(1);                                                os.sleep(Duration.ofSeconds(1));
 * sem_post(&amp;data->sem);                                     os.semPost(sem);
 * munmap(data, sizeof(struct data));                       os.munmap(data);
 * </pre>
 *
 * <p>Arguments: {@code [name [delayInitMillis]]}: the name defaults to {@code /myData}; the delay
 * (0 by default) is slept by the creator between creating the object and sem_init — the sleep the
 * exercise asks to add so that the problem manifests.
 */
public final class Exercise5 implements Program {
    /** The seed's object name. */
    public static final String DEFAULT_NAME = "/myData";

    private final String name;
    private final Duration delayInit;

    /** @param args {@code [name [delayInitMillis]]} */
    public Exercise5(String[] args) {
        this.name = args.length > 0 ? args[0] : DEFAULT_NAME;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 0;
        if (millis < 0) {
            throw new IllegalArgumentException("delayInitMillis=" + millis);
        }
        this.delayInit = Duration.ofMillis(millis);
    }

    @Override
    public int main(Os os) {
        OpenFile fd;
        boolean created;
        try {
            fd = os.shmOpen(name, O_RDWR | O_CREAT | O_EXCL, 0666);
            created = true;
        } catch (PosixException e) {
            created = false;
            fd = os.shmOpen(name, O_RDWR, 0666);
        }
        os.ftruncate(fd, SemDataLayout.SIZE);
        Mapping data = os.mmap(SemDataLayout.SIZE, PROT_WRITE | PROT_READ, MAP_SHARED, fd, 0);
        if (created) {
            if (!delayInit.isZero()) {
                os.sleep(delayInit);
            }
            os.semInit(data, SemDataLayout.SEM_OFFSET, true, 1);
        }
        Semaphore sem = os.semAt(data, SemDataLayout.SEM_OFFSET);
        os.semWait(sem);
        os.println("I'm alone here!");
        os.sleep(Duration.ofSeconds(1));
        os.semPost(sem);
        os.munmap(data);
        return 0;
    }
}
