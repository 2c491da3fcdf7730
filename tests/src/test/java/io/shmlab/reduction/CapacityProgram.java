package io.shmlab.reduction;

import static io.shmlab.api.MapFlags.MAP_PRIVATE;
import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;

import io.shmlab.api.BusError;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;

/**
 * One process of a program that runs a small /dev/shm out of space ({@link #TMPFS_PAGES} pages): first
 * touches of pages by two or three processes, posix_fallocate, a named semaphore's file, and the
 * releases (a shrink, the end of an unlinked object) that make room again. Which process gets the
 * last pages, and which one ENOSPC or SIGBUS, depends on the order: what the reduction must not lose.
 * A SIGBUS or ENOSPC is printed with where it struck, and the process goes on to its end.
 */
final class CapacityProgram implements Program {
    /** The tmpfs these programs run in: three pages. */
    static final int TMPFS_PAGES = 3;
    private static final String SHARED = "/cap";
    private static final long PAGE = Limits.PAGE_SIZE;

    /** What the processes do, by index. */
    enum Scenario {
        /** Each process stores into two pages of its own of one object: four pages wanted, three there. */
        TOUCHES,
        /** One process loads its pages (a read allocates on tmpfs), another stores into its own. */
        LOADS_AND_STORES,
        /** One process posix_fallocates two pages, the other stores into two others. */
        FALLOCATE_AND_TOUCH,
        /** One process fills the tmpfs and then shrinks its object to nothing; the other touches a page. */
        SHRINK_GIVES_BACK,
        /** One process creates a named semaphore (its file takes a page); the other fills the tmpfs. */
        SEMAPHORE_AND_TOUCH,
        /** One process fills the tmpfs with an object it unlinks, closes and unmaps; the other touches a page. */
        UNLINKED_OBJECT_ENDS,
        /** Private mappings: a first access allocates the object's page; the copy is not the tmpfs's. */
        PRIVATE_MAPPINGS
    }

    private final Scenario scenario;
    private final int index;

    CapacityProgram(Scenario scenario, int index) {
        this.scenario = scenario;
        this.index = index;
    }

    @Override
    public int main(Os os) {
        switch (scenario) {
            case TOUCHES -> touch(os, shared(os, 4), index * 2, 2, true);
            case LOADS_AND_STORES -> touch(os, shared(os, 4), index * 2, 2, index == 1);
            case FALLOCATE_AND_TOUCH -> {
                OpenFile fd = os.shmOpen(SHARED, O_RDWR | O_CREAT, 0600);
                os.ftruncate(fd, 4 * PAGE);
                if (index == 0) {
                    fallocate(os, fd, 0, 2);
                } else {
                    touch(os, os.mmap(4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), 2, 2, true);
                }
            }
            case SHRINK_GIVES_BACK -> {
                if (index == 0) {
                    OpenFile fd = os.shmOpen("/filler", O_RDWR | O_CREAT, 0600);
                    os.ftruncate(fd, TMPFS_PAGES * PAGE);
                    touch(os, os.mmap(TMPFS_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), 0, TMPFS_PAGES, true);
                    os.ftruncate(fd, 0);
                } else {
                    touch(os, shared(os, 1), 0, 1, true);
                }
            }
            case SEMAPHORE_AND_TOUCH -> {
                if (index == 0) {
                    try {
                        os.semOpen("/cap-sem", O_CREAT, 0600, 1);
                        os.println("sem_open made its file");
                    } catch (PosixException e) {
                        os.println("sem_open: " + e.errno());
                    }
                } else {
                    touch(os, shared(os, TMPFS_PAGES), 0, TMPFS_PAGES, true);
                }
            }
            case UNLINKED_OBJECT_ENDS -> {
                if (index == 0) {
                    OpenFile fd = os.shmOpen("/gone", O_RDWR | O_CREAT, 0600);
                    os.ftruncate(fd, TMPFS_PAGES * PAGE);
                    Mapping m = os.mmap(TMPFS_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                    touch(os, m, 0, TMPFS_PAGES, true);
                    os.shmUnlink("/gone");
                    os.close(fd);
                    os.munmap(m);
                } else {
                    touch(os, shared(os, 2), 0, 2, true);
                }
            }
            case PRIVATE_MAPPINGS -> {
                OpenFile fd = os.shmOpen(SHARED, O_RDWR | O_CREAT, 0600);
                os.ftruncate(fd, 4 * PAGE);
                Mapping m = os.mmap(4 * PAGE, PROT_READ | PROT_WRITE, index == 0 ? MAP_PRIVATE : MAP_SHARED, fd, 0);
                touch(os, m, index, 2, index == 0);
            }
            default -> throw new IllegalStateException(scenario.toString());
        }
        return 0;
    }

    private static Mapping shared(Os os, int pages) {
        OpenFile fd = os.shmOpen(SHARED, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, pages * PAGE);
        return os.mmap(pages * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }

    /** Stores (or loads) one byte in each of {@code count} pages from {@code first}, saying where a SIGBUS struck. */
    private void touch(Os os, Mapping m, long first, int count, boolean store) {
        long page = first;
        try {
            for (; page < first + count; page++) {
                if (store) {
                    m.putByte(page * PAGE, (byte) (index + 1));
                } else {
                    m.getByte(page * PAGE);
                }
            }
            os.println("touched pages " + first + ".." + (first + count - 1));
        } catch (BusError e) {
            os.println("SIGBUS (" + e.kind() + ") at page " + page);
        }
    }

    private static void fallocate(Os os, OpenFile fd, long firstPage, int pages) {
        try {
            os.posixFallocate(fd, firstPage * PAGE, pages * PAGE);
            os.println("posix_fallocate: " + pages + " pages");
        } catch (PosixException e) {
            os.println("posix_fallocate: " + e.errno());
        }
    }
}
