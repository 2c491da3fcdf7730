package io.shmlab.libc;

import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;
import io.shmlab.api.Semaphore;

/** Programs the multi-process tests run in child JVMs, built there from their class names. */
final class ChildPrograms {
    private ChildPrograms() {
    }

    /**
     * Waits on the named semaphore {@code args[1]} until the parent has written a message into the
     * object {@code args[0]}, prints the message, writes it back reversed and posts {@code args[2]}.
     */
    public static final class Echo implements Program {
        private final String object;
        private final String ready;
        private final String done;

        public Echo(String[] args) {
            this.object = args[0];
            this.ready = args[1];
            this.done = args[2];
        }

        @Override
        public int main(Os os) {
            Semaphore readySem = os.semOpen(ready, 0);
            Semaphore doneSem = os.semOpen(done, 0);
            os.semWait(readySem);
            OpenFile fd = os.shmOpen(object, OpenFlags.O_RDWR, 0);
            Mapping data = os.mmap(4096, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
            os.close(fd);
            String message = data.getCString(0, 4096);
            os.println("got: " + message);
            data.putCString(0, new StringBuilder(message).reverse().toString());
            os.munmap(data);
            os.semPost(doneSem);
            os.semClose(readySem);
            os.semClose(doneSem);
            return 0;
        }
    }

    /**
     * Whoever creates the named semaphore {@code args[0]} (value 0) waits on it; the other opens it
     * and posts. Both print what they did.
     */
    public static final class WaiterOrPoster implements Program {
        private final String name;

        public WaiterOrPoster(String[] args) {
            this.name = args[0];
        }

        @Override
        public int main(Os os) {
            Semaphore sem;
            try {
                sem = os.semOpen(name, OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, 0);
            } catch (PosixException taken) {
                sem = os.semOpen(name, 0);
                os.semPost(sem);
                os.println("posted");
                os.semClose(sem);
                return 0;
            }
            os.semWait(sem);
            os.println("woken");
            os.semClose(sem);
            return 0;
        }
    }

    /** Waits forever on a new named semaphore {@code args[0]} of value 0. */
    public static final class WaitsForever implements Program {
        private final String name;

        public WaitsForever(String[] args) {
            this.name = args[0];
        }

        @Override
        public int main(Os os) {
            Semaphore sem = os.semOpen(name, OpenFlags.O_CREAT, 0600, 0);
            os.println("waiting");
            os.semWait(sem);
            return 0;
        }
    }

    /** Maps a page of the empty object {@code args[0]} and reads it: SIGBUS. */
    public static final class ReadsPastTheEnd implements Program {
        private final String name;

        public ReadsPastTheEnd(String[] args) {
            this.name = args[0];
        }

        @Override
        public int main(Os os) {
            OpenFile fd = os.shmOpen(name, OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0600);
            Mapping m = os.mmap(4096, Protection.PROT_READ, MapFlags.MAP_SHARED, fd, 0);
            os.println("mapped");
            return m.getByte(0);
        }
    }

    /** Opens the object {@code args[0]}, which does not exist: an uncaught PosixException. */
    public static final class OpensMissingObject implements Program {
        private final String name;

        public OpensMissingObject(String[] args) {
            this.name = args[0];
        }

        @Override
        public int main(Os os) {
            os.shmOpen(name, OpenFlags.O_RDWR, 0);
            return 0;
        }
    }

    /** Returns the status given as {@code args[0]}, after printing its pid. */
    public static final class ExitsWith implements Program {
        private final int status;

        public ExitsWith(String[] args) {
            this.status = Integer.parseInt(args[0]);
        }

        @Override
        public int main(Os os) {
            os.println("pid " + os.pid());
            return status;
        }
    }

    /**
     * Maps three pages of the new object {@code args[0]}, then truncates it to one page behind the
     * backend's back (through a file channel, as another process would) and reads the third page,
     * many times: a real SIGBUS, which must end the process killed by SIGBUS and never crash it.
     */
    public static final class ReadsAfterAnotherShrankTheObject implements Program {
        private final String name;

        public ReadsAfterAnotherShrankTheObject(String[] args) {
            this.name = args[0];
        }

        @Override
        public int main(Os os) throws Exception {
            OpenFile fd = os.shmOpen(name, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600);
            os.ftruncate(fd, 3 * 4096);
            Mapping m = os.mmap(3 * 4096, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, fd, 0);
            long sum = 0;
            for (int i = 0; i < 100_000; i++) {
                m.putInt(2 * 4096, i);
                sum += m.getInt(2 * 4096);
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                    java.nio.file.Path.of("/dev/shm", name.substring(1)), java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(4096);
            }
            os.println("shrunk");
            for (int i = 0; i < 100_000; i++) {
                sum += m.getInt(2 * 4096);
            }
            os.println("read past the end without a fault: " + sum);
            return 0;
        }
    }

    /**
     * Uses the named semaphore {@code args[0]} once each time the parent posts {@code args[1]}, and
     * posts {@code args[2]} when done, {@code args[3]} times: prints what each call ended in (the
     * parent cuts the semaphore's file in between, in its own way each time).
     */
    public static final class SemaphoreUser implements Program {
        private final String name;
        private final String go;
        private final String done;
        private final int rounds;

        public SemaphoreUser(String[] args) {
            this.name = args[0];
            this.go = args[1];
            this.done = args[2];
            this.rounds = Integer.parseInt(args[3]);
        }

        @Override
        public int main(Os os) {
            Semaphore sem = os.semOpen(name, 0);
            Semaphore goSem = os.semOpen(go, 0);
            Semaphore doneSem = os.semOpen(done, 0);
            for (int round = 0; round < rounds; round++) {
                os.semWait(goSem);
                os.println(uses(os, sem));
                os.semPost(doneSem);
            }
            os.semClose(sem);
            os.semClose(goSem);
            os.semClose(doneSem);
            return 0;
        }

        /** post, trywait, timedwait and getvalue, each {@code ok} or the signal and access of its fault. */
        static String uses(Os os, Semaphore sem) {
            return outcome(() -> os.semPost(sem)) + " " + outcome(() -> os.semTrywait(sem)) + " "
                    + outcome(() -> os.semTimedwait(sem, new io.shmlab.api.Timespec(0, 0))) + " "
                    + outcome(() -> os.semGetvalue(sem));
        }

        private static String outcome(Runnable call) {
            try {
                call.run();
                return "ok";
            } catch (io.shmlab.api.MemoryFault f) {
                return f.signal() + "-" + f.access();
            }
        }
    }

    /**
     * Opens the named semaphore {@code args[0]} and cuts its file itself in every way the api allows,
     * using the semaphore after each cut and growing the file back (posix_fallocate) after it: prints
     * what each call ended in, one line per way.
     */
    public static final class SemaphoreSelfCut implements Program {
        private final String name;

        public SemaphoreSelfCut(String[] args) {
            this.name = args[0];
        }

        @Override
        public int main(Os os) {
            Semaphore sem = os.semOpen(name, 0);
            String file = "/sem." + name.substring(1);
            OpenFile fd = os.shmOpen(file, OpenFlags.O_RDWR, 0);
            java.util.List<Runnable> cuts = java.util.List.of(
                    () -> os.semClose(os.semOpen(name, OpenFlags.O_TRUNC)),
                    () -> os.semClose(os.semOpen(name, OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0600, 0)),
                    () -> os.close(os.shmOpen(file, OpenFlags.O_RDWR | OpenFlags.O_TRUNC, 0)),
                    () -> os.ftruncate(fd, 0),
                    () -> os.close(os.open("/dev/shm" + file, OpenFlags.O_RDWR | OpenFlags.O_TRUNC, 0)));
            for (Runnable cut : cuts) {
                cut.run();
                os.println(SemaphoreUser.uses(os, sem));
                os.posixFallocate(fd, 0, 32);
                os.println(SemaphoreUser.uses(os, sem));
            }
            os.close(fd);
            os.semClose(sem);
            return 0;
        }
    }
}
