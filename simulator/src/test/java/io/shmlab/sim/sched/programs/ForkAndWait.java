package io.shmlab.sim.sched.programs;

import io.shmlab.api.Os;
import io.shmlab.api.Program;

/** A parent forks a child that prints and exits 7; the parent waits for it and checks the status. */
public final class ForkAndWait implements Program {

    @Override
    public int main(Os os) {
        int child = os.fork(c -> {
            c.println("child");
            return 7;
        });
        os.println("parent");
        int status = os.waitpid(child);
        if (status != 7) {
            os.println("waitpid gave " + status);
            return 1;
        }
        return 0;
    }
}
