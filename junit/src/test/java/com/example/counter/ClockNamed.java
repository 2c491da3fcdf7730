package com.example.counter;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;

import io.shmlab.api.Os;
import io.shmlab.api.Program;

/** Names its object after the wall clock: it does not run the same way twice. */
public final class ClockNamed implements Program {
    @Override
    public int main(Os os) {
        String name = "/t" + System.nanoTime();
        os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.shmUnlink(name);
        return 0;
    }
}
