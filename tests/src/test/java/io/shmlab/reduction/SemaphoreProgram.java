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
import io.shmlab.api.Timespec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One process of a random program that stresses what the partial-order reduction says of semaphores:
 * several posters and waiters on one count. Every process reaches the same semaphore, either named
 * (created by whichever process comes first, with a value drawn from the program's seed, 0 to 2) or in
 * an object every process maps (zeroed: value 0; the first process may sem_init it with 1 first), then
 * makes a few steps among sem_post, sem_wait, sem_trywait, sem_timedwait with a deadline ahead (it
 * passes when every process waits) or passed already, sem_getvalue (printed: a read that must not commute with a post), a sleep, and an
 * early exit. What the calls return is printed at the end (one step), or, where every step counts
 * (three processes), made the exit status ({@code 100 + } one octal digit per result), so an outcome
 * tells the orders apart.
 */
final class SemaphoreProgram implements Program {

    static final String OBJECT = "/dpor-sems";
    static final String SEMAPHORE = "/dpor-count";
    private static final long SEM_OFFSET = 0;
    /** A deadline that passes only when every process waits (the virtual clock then moves to it). */
    private static final Timespec LATER = Timespec.ofNanos(4_000_000_000L * 1_000_000_000L);
    /** A deadline passed already: the wait times out at once unless the value is positive. */
    private static final Timespec PASSED = Timespec.ofNanos(0);

    private final int index;
    private final boolean inObject;
    private final long initial;
    private final boolean initialiseInObject;
    private final boolean resultsInExitStatus;
    private final List<Integer> steps = new ArrayList<>();

    /**
     * @param seed the program's seed
     * @param index the process's index (from 0): each process of a program draws its own steps
     * @param stepCount how many steps after the set-up
     * @param inObject whether the semaphore is in a mapped object rather than named
     * @param resultsInExitStatus whether the results are the exit status (at most 2 steps) rather than printed
     */
    SemaphoreProgram(long seed, int index, int stepCount, boolean inObject, boolean resultsInExitStatus) {
        if (resultsInExitStatus && stepCount > 2) {
            throw new IllegalArgumentException("stepCount=" + stepCount + ": at most 2 results fit an exit status");
        }
        this.index = index;
        this.inObject = inObject;
        this.resultsInExitStatus = resultsInExitStatus;
        SplittableRandom program = new SplittableRandom(seed);
        this.initial = program.nextInt(3);
        this.initialiseInObject = index == 0 && program.nextBoolean();
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        for (int i = 0; i < stepCount; i++) {
            steps.add(random.nextInt(9));
        }
    }

    @Override
    public int main(Os os) {
        Semaphore sem;
        if (inObject) {
            OpenFile fd = os.shmOpen(OBJECT, O_RDWR | O_CREAT, 0600);
            os.ftruncate(fd, 4096);
            Mapping m = os.mmap(4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            sem = initialiseInObject ? os.semInit(m, SEM_OFFSET, true, 1) : os.semAt(m, SEM_OFFSET);
        } else {
            sem = os.semOpen(SEMAPHORE, O_CREAT, 0600, initial);
        }
        StringBuilder results = new StringBuilder();
        int status = 100;
        int digit = 1;
        for (int step : steps) {
            int result = 0;
            try {
                switch (step) {
                    case 0, 1 -> os.semPost(sem);
                    case 2 -> os.semWait(sem);
                    case 3 -> {
                        boolean got = os.semTrywait(sem);
                        results.append(" trywait ").append(got);
                        result = got ? 1 : 2;
                    }
                    case 4, 5 -> {
                        boolean got = os.semTimedwait(sem, step == 4 ? LATER : PASSED);
                        results.append(" timedwait ").append(got);
                        result = got ? 1 : 2;
                    }
                    case 6 -> {
                        int value = os.semGetvalue(sem);
                        results.append(" getvalue ").append(value);
                        result = 3 + Math.min(value, 3);
                    }
                    case 7 -> os.sleep(Duration.ofMillis(5));
                    default -> {
                        return 2 + index;
                    }
                }
            } catch (PosixException e) {
                results.append(' ').append(e.errno().name());
                result = 7;
            }
            status += result * digit;
            digit *= 8;
        }
        if (resultsInExitStatus) {
            return status;
        }
        if (results.length() > 0) {
            os.println(results.toString());
        }
        return 0;
    }
}
