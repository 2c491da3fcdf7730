package com.example.counter;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;

import io.shmlab.api.FinalCheck;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;

/** Adds one to a shared counter with a plain load and store, and leaves the total to its final check. */
public final class UncheckedCounter implements Program, FinalCheck {
    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen("/counter", O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 4);
        Mapping shared = os.mmap(4, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        shared.putInt(0, shared.getInt(0) + 1);
        return 0;
    }

    @Override
    public void check(Os os) {
        OpenFile fd = os.shmOpen("/counter", O_RDWR, 0);
        int total = os.mmap(4, PROT_READ, MAP_SHARED, fd, 0).getInt(0);
        if (total != 2) {
            throw new AssertionError("the counter is " + total + " after 2 increments");
        }
    }
}
