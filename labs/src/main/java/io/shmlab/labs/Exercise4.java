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
import io.shmlab.api.Semaphore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Exercise 4: the seed's ring buffer placed in a shared memory object and made safe for several
 * processes with three named semaphores: {@code NAME-empty} counts free slots, {@code NAME-full}
 * counts items, {@code NAME-mutex} guards {@code first}, {@code last} and the slots. A C program using
 * the same names and {@code MAX_ELEMENTS_PLUS_ONE} joins the same buffer ({@link RingBufferLayout}).
 *
 * <pre>
 * C (the exercise's answer)                            Java (this class)
 * fd = shm_open(NAME, O_RDWR|O_CREAT, 0600);           fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
 * ftruncate(fd, sizeof(struct ring_buffer));           os.ftruncate(fd, layout.size());
 * b = mmap(..., PROT_READ|PROT_WRITE, MAP_SHARED,..)   m = os.mmap(layout.size(), ..., MAP_SHARED, fd, 0);
 * empty = sem_open(NAME "-empty", O_CREAT, 0600,       empty = os.semOpen(name + "-empty", O_CREAT, 0600,
 *                  MAX_ELEMENTS_PLUS_ONE - 1);                          layout.capacity());
 * full  = sem_open(NAME "-full",  O_CREAT, 0600, 0);   full  = os.semOpen(name + "-full", O_CREAT, 0600, 0);
 * mutex = sem_open(NAME "-mutex", O_CREAT, 0600, 1);   mutex = os.semOpen(name + "-mutex", O_CREAT, 0600, 1);
 * case 'p': sem_wait(empty); sem_wait(mutex);          case 'p': semWait(empty); semWait(mutex);
 *           put(b, &amp;item);                                      buffer.put(item);
 *           sem_post(mutex); sem_post(full);                     semPost(mutex); semPost(full);
 * case 'g': sem_wait(full); sem_wait(mutex);           case 'g': semWait(full); semWait(mutex);
 *           get(b, &amp;item);                                      item = buffer.get();
 *           sem_post(mutex); sem_post(empty);                    semPost(mutex); semPost(empty);
 *           printf("%s\n", item);                                println(item);
 * </pre>
 * A fresh object is all zeros, which is the empty buffer ({@code first == last == 0}), so no process
 * has to initialise it, and sem_open with O_CREAT creates each semaphore with its value atomically:
 * this program has no start-up race (compare Exercise 5).
 *
 * <p>Arguments: {@code [name [capacity [command...]]]}: the name defaults to {@code /ring}, capacity
 * (items held, MAX_ELEMENTS_PLUS_ONE - 1) to 10; commands, when given, replace standard input.
 */
public final class Exercise4 implements Program {
    /** The default object name. */
    public static final String DEFAULT_NAME = "/ring";
    /** The suffix of the semaphore counting free slots. */
    public static final String EMPTY_SUFFIX = "-empty";
    /** The suffix of the semaphore counting items. */
    public static final String FULL_SUFFIX = "-full";
    /** The suffix of the semaphore guarding the buffer. */
    public static final String MUTEX_SUFFIX = "-mutex";
    static final String MENU = "g             gets data from buffer\n"
            + "ptext...      puts 'text...' to buffer\n";

    private final String name;
    private final RingBufferLayout layout;
    private final List<String> script;

    /** @param args {@code [name [capacity [command...]]]} */
    public Exercise4(String[] args) {
        this.name = args.length > 0 ? args[0] : DEFAULT_NAME;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : RingBufferLayout.DEFAULT_MAX_ELEMENTS_PLUS_ONE - 1;
        this.layout = RingBufferLayout.forCapacity(capacity);
        this.script = args.length > 2 ? List.of(Arrays.copyOfRange(args, 2, args.length)) : List.of();
    }

    /** The names this program creates for a buffer called {@code name}: the object and its semaphores. */
    public static List<String> semaphoreNames(String name) {
        return List.of(name + EMPTY_SUFFIX, name + FULL_SUFFIX, name + MUTEX_SUFFIX);
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, layout.size());
        Mapping mapping = os.mmap(layout.size(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        RingBuffer buffer = new RingBuffer(mapping, layout);
        Semaphore empty = os.semOpen(name + EMPTY_SUFFIX, O_CREAT, 0600, layout.capacity());
        Semaphore full = os.semOpen(name + FULL_SUFFIX, O_CREAT, 0600, 0);
        Semaphore mutex = os.semOpen(name + MUTEX_SUFFIX, O_CREAT, 0600, 1);
        CommandSource commands = CommandSource.scriptOrStdin(script);
        os.print(MENU);
        while (true) {
            os.print("> ");
            String line = commands.next(os);
            if (line == null) {
                break;
            }
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0) {
                continue;
            }
            // scanf("%1[^\n]%255[^\n]", cmd, item): one byte of command, then up to 255 of item
            byte[] item = Arrays.copyOfRange(bytes, 1, Math.min(bytes.length, RingBufferLayout.ITEM_SIZE));
            switch (bytes[0]) {
                case 'p' -> {
                    os.semWait(empty);
                    os.semWait(mutex);
                    boolean stored = buffer.put(item);
                    os.semPost(mutex);
                    if (!stored) {
                        throw new IllegalStateException(name + EMPTY_SUFFIX + " let a put into a full buffer");
                    }
                    os.semPost(full);
                }
                case 'g' -> {
                    os.semWait(full);
                    os.semWait(mutex);
                    byte[] got = buffer.get();
                    os.semPost(mutex);
                    if (got == null) {
                        throw new IllegalStateException(name + FULL_SUFFIX + " let a get from an empty buffer");
                    }
                    os.semPost(empty);
                    os.println(cString(got));
                }
                default -> os.println("unknown command '" + (char) (bytes[0] & 0xff) + "'; commands are g and p<text>");
            }
        }
        os.semClose(mutex);
        os.semClose(full);
        os.semClose(empty);
        os.munmap(mapping);
        os.close(fd);
        return 0;
    }

    private static String cString(byte[] item) {
        int end = 0;
        while (end < item.length && item[end] != 0) {
            end++;
        }
        return new String(item, 0, end, StandardCharsets.UTF_8);
    }
}
