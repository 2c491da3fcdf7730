package io.shmlab.labs;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;

import io.shmlab.api.Errno;
import io.shmlab.api.Limits;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;

/**
 * When /dev/shm is full, the teaching case: the course says ftruncate "sets the size" and warns of
 * SIGBUS; /dev/shm is a tmpfs with a limit (half the RAM, 64 MB in a Docker container), and ftruncate
 * only sets a size: a page is allocated when it is first touched. So an object grown to 4 MiB and then
 * written page by page dies of SIGBUS part-way through in a smaller /dev/shm, at the first page the
 * tmpfs has no room for ({@code shmlab run shm-full --shm-size=1m}: at page 256, byte 1,048,576).
 * With {@code --fallocate} it calls posix_fallocate first, which allocates every page or none: the
 * lack of space is an ENOSPC at once, before a byte is written, and the program says so and exits 1,
 * as PostgreSQL does with its dynamic shared memory.
 *
 * <pre>
 * C                                                         Java (this class)
 * int fd = shm_open(name, O_RDWR | O_CREAT, 0600);          OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
 * ftruncate(fd, SIZE);                                      os.ftruncate(fd, SIZE);
 * if (fallocate) {                                          if (fallocate) {
 *     int err = posix_fallocate(fd, 0, SIZE);                   try { os.posixFallocate(fd, 0, SIZE); }
 *     if (err == ENOSPC) { printf(...); return 1; }             catch (PosixException e) { ...; return 1; }
 * }                                                         }
 * char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE,        Mapping p = os.mmap(SIZE, PROT_READ | PROT_WRITE,
 *                MAP_SHARED, fd, 0);                                           MAP_SHARED, fd, 0);
 * for (long page = 0; page &lt; SIZE / 4096; page++)          for (long page = 0; page &lt; PAGES; page++)
 *     p[page * 4096] = 1;  // SIGBUS when /dev/shm is full      p.putByte(page * PAGE_SIZE, (byte) 1);
 * </pre>
 *
 * <p>Arguments: {@code [name] [fallocate]}, {@code /shm-full} by default. The object is left in
 * /dev/shm, as the C leaves it.
 */
public final class ShmFull implements Program {
    /** The object's name unless given. */
    public static final String DEFAULT_NAME = "/shm-full";
    /** The argument that makes it call posix_fallocate first. */
    public static final String FALLOCATE = "fallocate";
    /** The object's size: 4 MiB. */
    public static final long SIZE = 4L << 20;
    /** How often the writer says how far it got: every 256 KiB. */
    private static final long REPORT_EVERY = 256L << 10;

    private final String name;
    private final boolean fallocate;

    /** @param args {@code [name] [fallocate]} */
    public ShmFull(String[] args) {
        this.name = args.length > 0 ? args[0] : DEFAULT_NAME;
        this.fallocate = args.length > 1 && args[1].equals(FALLOCATE);
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, SIZE);
        os.println("ftruncate(" + name + ", " + SIZE + "): the object is 4 MiB; no page of it is allocated yet");
        if (fallocate) {
            try {
                os.posixFallocate(fd, 0, SIZE);
            } catch (PosixException e) {
                if (e.errno() != Errno.ENOSPC) {
                    throw e;
                }
                os.println("posix_fallocate(" + name + ", 0, " + SIZE + "): ENOSPC (No space left on device)");
                os.println("/dev/shm has no room for 4 MiB: said at once, before a byte was written;"
                        + " nothing was allocated");
                return 1;
            }
            os.println("posix_fallocate(" + name + ", 0, " + SIZE + "): all 4 MiB allocated, no write can SIGBUS now");
        }
        Mapping p = os.mmap(SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        os.close(fd);
        os.println("writing it page by page (" + SIZE / Limits.PAGE_SIZE + " pages)");
        for (long offset = 0; offset < SIZE; offset += Limits.PAGE_SIZE) {
            p.putByte(offset, (byte) 1); // the page's first touch: the tmpfs allocates it, or SIGBUS
            long written = offset + Limits.PAGE_SIZE;
            if (written % REPORT_EVERY == 0) {
                os.println("  " + written / 1024 + " KiB written");
            }
        }
        os.println("all 4 MiB written");
        return 0;
    }
}
