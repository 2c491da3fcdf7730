package io.shmlab.sim.sched.programs;

import io.shmlab.api.Os;
import io.shmlab.api.Program;

/** Reads its standard input to the end and prints how many lines it got. */
public final class ReadsInput implements Program {

    @Override
    public int main(Os os) {
        int lines = 0;
        while (os.readLine() != null) {
            lines++;
        }
        os.println(lines + " lines");
        return 0;
    }
}
