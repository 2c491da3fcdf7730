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
 * Exercise 2: the writer. It fills {@code data->text} of {@code /os_cp} with one letter after another,
 * a to z, over and over, until it is stopped (Ctrl-C in C). Exercise 1's {@code r} in another process
 * then reads a text that is being changed under it: a mix of two letters.
 *
 * <pre>
 * C (the seed)                                        Java (this class)
 * signal(SIGINT, ctrlC);   // ctrlC: stopFlag = 1     stop(): stopFlag = true
 * while (!stopFlag) {                                 while (!stopFlag) {
 *   for (char letter = 'a'; letter &lt;= 'z'; ++letter) {  for (byte letter = 'a'; letter &lt;= 'z'; ++letter) {
 *     for (int i = 0; i &lt; 1020 - 1; ++i)                 for (int i = 0; i &lt; TEXT_LENGTH - 1; ++i)
 *       data->text[i] = letter;                             data.putTextByte(i, letter);
 *     if (stopFlag) break;                                if (stopFlag) break;
 *   }                                                   }
 * }                                                   }
 * munmap(data, sizeof(struct myData));                os.munmap(mapping);
 * </pre>
 *
 * <p>Arguments: {@code [name [rounds]]}: the name defaults to {@code /os_cp}; {@code rounds} &gt; 0
 * stops after that many passes over the alphabet (for runs with no one to press Ctrl-C), 0 (the
 * default) runs until {@link #stop()}.
 */
public final class Exercise2 implements Program {
    private final String name;
    private final int rounds;
    private volatile boolean stopFlag;

    /** @param args {@code [name [rounds]]} */
    public Exercise2(String[] args) {
        this.name = args.length > 0 ? args[0] : Exercise1.DEFAULT_NAME;
        this.rounds = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds=" + rounds);
        }
    }

    /** What the C program's SIGINT handler does: the loop ends after the letter being written. */
    public void stop() {
        stopFlag = true;
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, MyDataLayout.SIZE);
        Mapping mapping = os.mmap(MyDataLayout.SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        MyData data = new MyData(mapping);
        os.println("writing letters into " + name + (rounds > 0 ? " " + rounds + " time(s) over" : " until stopped"));
        int round = 0;
        while (!stopFlag) {
            for (byte letter = 'a'; letter <= 'z'; ++letter) {
                for (int i = 0; i < MyDataLayout.TEXT_LENGTH - 1; ++i) {
                    data.putTextByte(i, letter);
                }
                if (stopFlag) {
                    break;
                }
            }
            if (rounds > 0 && ++round == rounds) {
                break;
            }
        }
        os.munmap(mapping);
        os.println("stopped");
        return 0;
    }
}
