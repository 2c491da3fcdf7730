package io.shmlab.labs;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;

import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;

/**
 * Exercise 1's counter race, without a terminal: every process maps {@code /os_cp} and runs the
 * command {@code i 1} once ({@code data->counter += 1}: a load, then a store), then checks that no
 * increment was lost. Run it in N processes: the counter must end at N, and it does unless two loads
 * happen before either store.
 *
 * <p>The check needs to know how many increments are complete, and that count must not race itself:
 * it is kept atomically in a second small object, {@code NAME.finish} ({@link FinishLineLayout}).
 * After its increment each process adds itself there (atomic fetch-and-add) and reads the counter.
 * Without a lost update the counter is never below the number of finished increments; so a counter
 * below it proves one was lost, and the last process to finish, which sees every increment done,
 * always notices. That process prints the verdict and exits with status 1 on a lost update.
 *
 * <pre>
 * C                                                       Java (this class)
 * data->counter += 1;                                     data.addToCounter(1);
 * int done = atomic_fetch_add(&amp;line->finished, 1) + 1;   int done = line.getAndAddInt(FINISHED_OFFSET, 1) + 1;
 * int seen = data->counter;                               int seen = data.counter();
 * if (seen &lt; done) { printf("lost..."); return 1; }       if (seen &lt; done) { ...; return 1; }
 * </pre>
 *
 * <p>Arguments: {@code [name]}, {@code /os_cp} by default.
 */
public final class CounterRace implements Program {
    /** Appended to the name of the struct myData object to name the finish line object. */
    public static final String FINISH_SUFFIX = ".finish";

    private final String name;

    /** @param args {@code [name]} */
    public CounterRace(String[] args) {
        this.name = args.length > 0 ? args[0] : Exercise1.DEFAULT_NAME;
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, MyDataLayout.SIZE);
        MyData data = new MyData(os.mmap(MyDataLayout.SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
        OpenFile lineFd = os.shmOpen(name + FINISH_SUFFIX, O_RDWR | O_CREAT, 0600);
        os.ftruncate(lineFd, FinishLineLayout.SIZE);
        Mapping line = os.mmap(FinishLineLayout.SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, lineFd, 0);

        data.addToCounter(1);
        int done = line.getAndAddInt(FinishLineLayout.FINISHED_OFFSET, 1) + 1;
        int seen = data.counter();
        if (seen < done) {
            os.println("lost update: counter is " + seen + " after " + done + " increments of 1");
            return 1;
        }
        os.println("i 1 done: counter " + seen + ", " + done + " increment(s) finished");
        return 0;
    }
}
