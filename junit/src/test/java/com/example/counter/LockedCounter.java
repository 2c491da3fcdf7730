package com.example.counter;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;

import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;

/** RacyCounter with a named semaphore around the increment. */
public final class LockedCounter implements Program {
    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen("/counter", O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, 8);
        Mapping shared = os.mmap(8, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        Semaphore lock = os.semOpen("/counter-lock", O_CREAT, 0600, 1);
        os.semWait(lock);
        int value = shared.getInt(0);
        shared.putInt(0, value + 1);
        os.semPost(lock);
        int finished = shared.getAndAddInt(4, 1) + 1;
        if (finished == 2 && shared.getInt(0) != 2) {
            os.println("lost update: counter is " + shared.getInt(0));
            return 1;
        }
        return 0;
    }
}
