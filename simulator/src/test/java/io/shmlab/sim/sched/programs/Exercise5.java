package io.shmlab.sim.sched.programs;

import io.shmlab.api.Errno;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;
import io.shmlab.api.Semaphore;
import java.time.Duration;

/**
 * The course's Exercise 5, as written (wrong on purpose): the process that creates {@code /myData}
 * initialises the semaphore in it, but another process may already be waiting on the zeroed memory
 * by then, and sem_init wipes its registration: its wake-up is lost and it blocks forever.
 *
 * <pre>
 *   int fd = shm_open("/myData", O_RDWR | O_CREAT | O_EXCL, 0666);
 *   char createSucceeded = (fd != -1);
 *   if (fd == -1) fd = shm_open("/myData", O_RDWR, 0666);
 *   if (fd == -1) { perror("shm_open"); exit(1); }
 *   ftruncate(fd, sizeof(struct data));
 *   data = mmap(NULL, sizeof(struct data), PROT_WRITE | PROT_READ, MAP_SHARED, fd, 0);
 *   if (createSucceeded) sem_init(&amp;data-&gt;sem, 1, 1);
 *   sem_wait(&amp;data-&gt;sem); printf("I'm alone here!\n"); sleep(1); sem_post(&amp;data-&gt;sem);
 *   munmap(data, sizeof(struct data));
 * </pre>
 */
public final class Exercise5 implements Program {

    @Override
    public int main(Os os) {
        OpenFile fd;
        boolean created;
        try {
            fd = os.shmOpen(MyData.NAME, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0666);
            created = true;
        } catch (PosixException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
            fd = os.shmOpen(MyData.NAME, OpenFlags.O_RDWR, 0666);
            created = false;
        }
        os.ftruncate(fd, MyData.SIZE);
        Mapping data = os.mmap(MyData.SIZE, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
        Semaphore sem = created
                ? os.semInit(data, MyData.SEM_OFFSET, true, 1)
                : os.semAt(data, MyData.SEM_OFFSET);
        os.semWait(sem);
        os.println("I'm alone here!");
        os.sleep(Duration.ofSeconds(1));
        os.semPost(sem);
        os.munmap(data);
        return 0;
    }
}
