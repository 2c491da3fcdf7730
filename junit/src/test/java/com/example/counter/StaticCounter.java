package com.example.counter;

import io.shmlab.api.Os;
import io.shmlab.api.Program;

/** Counts its runs in a static field: each process, having its own statics, sees 1. */
public final class StaticCounter implements Program {
    private static int runs;

    @Override
    public int main(Os os) {
        runs++;
        os.println("runs " + runs);
        return runs == 1 ? 0 : 1;
    }
}
