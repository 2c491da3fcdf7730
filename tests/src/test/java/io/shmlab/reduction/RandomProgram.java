package io.shmlab.reduction;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One process of a random multi-process program, drawn from a seed and the process's index as the
 * differential test draws its steps: it maps a shared object, then makes a few steps among plain and
 * atomic loads and stores (in the first page, the second, or one a shrink leaves past the end:
 * SIGBUS), a shrink, an unlink, a named semaphore's wait, trywait, timed wait and post, a semaphore
 * inside the object, sleeps, output, and an early exit. A failed call prints its errno and the
 * program goes on; a fault ends the process, as in C.
 */
final class RandomProgram implements Program {

    static final String OBJECT = "/dpor-obj";
    static final String SEMAPHORE = "/dpor-sem";
    private static final long MAPPED = 3 * 4096;
    private static final long[] OFFSETS = {0, 4, 4096, 8192};
    private static final long SEM_OFFSET = 64;

    private final int index;
    private final List<Integer> steps = new ArrayList<>();
    private final long[] sizes;

    /**
     * @param seed the program's seed
     * @param index the process's index (from 0): each process of a program draws its own steps
     * @param stepCount how many steps after the mapping
     */
    RandomProgram(long seed, int index, int stepCount) {
        this.index = index;
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        for (int i = 0; i < stepCount; i++) {
            steps.add(random.nextInt(15));
        }
        sizes = new long[] {8, 4096, 8192, 3 * 4096};
        long first = sizes[random.nextInt(sizes.length)];
        sizes[0] = first;
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(OBJECT, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, sizes[0]);
        Mapping m = os.mmap(MAPPED, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore named = null;
        int n = 0;
        for (int step : steps) {
            n++;
            long at = OFFSETS[(index + n) % OFFSETS.length];
            try {
                switch (step) {
                    case 0, 1 -> m.putInt(at, index * 10 + n);
                    case 2 -> os.println("load " + m.getInt(at));
                    case 3 -> m.getAndAddInt(at - at % 4, 1);
                    case 4 -> os.ftruncate(fd, sizes[n % sizes.length]);
                    case 5 -> os.shmUnlink(OBJECT);
                    case 6 -> named = os.semOpen(SEMAPHORE, O_CREAT, 0600, index % 2);
                    case 7 -> {
                        if (named != null) {
                            os.println("trywait " + os.semTrywait(named));
                        }
                    }
                    case 8 -> {
                        if (named != null) {
                            os.println("timedwait " + os.semTimedwait(named, os.clockGettime().plus(Duration.ofMillis(10))));
                        }
                    }
                    case 9 -> {
                        if (named != null) {
                            os.semPost(named);
                        }
                    }
                    case 10 -> os.sleep(Duration.ofMillis(5));
                    case 11 -> os.semPost(os.semAt(m, SEM_OFFSET));
                    case 12 -> os.println("trywait at 64: " + os.semTrywait(os.semAt(m, SEM_OFFSET)));
                    case 13 -> {
                        if (named != null) {
                            os.semWait(named);
                        }
                    }
                    default -> {
                        return 2 + index;
                    }
                }
            } catch (PosixException e) {
                os.println(e.errno().name());
            }
        }
        return 0;
    }
}
