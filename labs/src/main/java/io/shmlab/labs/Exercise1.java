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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Exercise 1: a text, its version and a counter in the shared memory object {@code /os_cp}, read and
 * changed by commands. Run it in several processes (terminals) at once; each sees what the others wrote.
 * With the seed's C program it shares the object byte for byte ({@link MyDataLayout}).
 *
 * <pre>
 * C (the seed, with the exercise's counter)           Java (this class)
 * int fd = shm_open("/os_cp", O_RDWR|O_CREAT, 0600);  OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
 * ftruncate(fd, sizeof(struct myData));               os.ftruncate(fd, MyDataLayout.SIZE);
 * data = mmap(NULL, sizeof(struct myData),            Mapping m = os.mmap(MyDataLayout.SIZE,
 *     PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0);           PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
 * while (1) {                                         while (true) {
 *   printf("> ");                                       os.print("> ");
 *   scanf("%1021[^\n]", text); ...                      line = commands.next(os) (cut to 1021 bytes)
 *   switch (text[0]) {                                  switch (line[0]) {
 *   case 'r': printf("version: %d\n   text: %s\n",       case 'r': the same, and the counter
 *                    data->version, data->text);
 *   case 'w': strcpy(data->text, text + 2);             case 'w': data.writeText(text + 2);
 *             data->version++;                                    data.incrementVersion();
 *   case 'i': data->counter += atoi(text + 2);          case 'i': data.addToCounter(atoi(text + 2));
 *   case 'd': data->counter -= atoi(text + 2);          case 'd': data.addToCounter(-atoi(text + 2));
 *   case 'q': munmap(data, sizeof(struct myData));      case 'q': os.munmap(m); return 0;
 *             return 0;
 * </pre>
 * {@code data->version++} and {@code data->counter += n} are a load and a store each, as in C: two
 * processes doing {@code i 1} at once may lose one increment. End of input ends the program as
 * {@code q} does (the C program exits with "getchar EOF'ed").
 *
 * <p>The exercise's changes are options: {@code --read-only} maps with PROT_READ alone (then
 * {@code w} is a store the protection refuses: SIGSEGV), {@code --map-size=1048576} maps 1 MiB of
 * the 1028-byte object; the command {@code c <offset>} is the exercise's
 * {@code putchar(*((char *)data + offset))}: {@code c 8192} (inside the mapping, a page wholly past
 * the object) is SIGBUS, {@code c -1} (before the mapping) is SIGSEGV. (The seed's example,
 * {@code data + 1025*1024}, lies just past a 1024*1024 mapping, so Linux answers it with SIGSEGV.)
 *
 * <p>Arguments: {@code [--read-only] [--map-size=BYTES] [name [command...]]}; the name defaults to
 * {@code /os_cp}; commands, when given, are used instead of standard input.
 */
public final class Exercise1 implements Program {
    /** The seed's object name. */
    public static final String DEFAULT_NAME = "/os_cp";
    /** {@code scanf("%1021[^\n]")}: the longest command line read, in bytes. */
    static final int MAX_LINE = 1021;
    /** The exercise's change of mmap's prot argument to PROT_READ alone. */
    public static final String READ_ONLY = "--read-only";
    /** The exercise's change of mmap's length (e.g. 1024*1024), the object keeping its size. */
    public static final String MAP_SIZE = "--map-size=";
    static final String MENU = "Commands:\n"
            + "  r           - reads the text\n"
            + "  w <text>    - writes new text\n"
            + "  i <num>     - increments the counter\n"
            + "  d <num>     - decrements the counter\n"
            + "  c <offset>  - prints the byte at data + offset, as putchar(*((char *)data + offset))\n"
            + "  q           - quits\n";

    private final String name;
    private final List<String> script;
    private final int protection;
    private final long mapSize;

    /** @param args {@code [--read-only] [--map-size=BYTES] [name [command...]]} */
    public Exercise1(String[] args) {
        int prot = PROT_READ | PROT_WRITE;
        long size = MyDataLayout.SIZE;
        int at = 0;
        for (; at < args.length && args[at].startsWith("--"); at++) {
            if (args[at].equals(READ_ONLY)) {
                prot = PROT_READ;
            } else if (args[at].startsWith(MAP_SIZE)) {
                size = Long.parseLong(args[at].substring(MAP_SIZE.length()));
                if (size < 1) {
                    throw new IllegalArgumentException(args[at] + ": the mapping needs at least one byte");
                }
            } else {
                throw new IllegalArgumentException("unknown option " + args[at] + "; known: " + READ_ONLY + ", " + MAP_SIZE + "BYTES");
            }
        }
        this.protection = prot;
        this.mapSize = size;
        this.name = args.length > at ? args[at] : DEFAULT_NAME;
        this.script = args.length > at + 1 ? List.of(Arrays.copyOfRange(args, at + 1, args.length)) : List.of();
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, MyDataLayout.SIZE);
        Mapping mapping = os.mmap(mapSize, protection, MAP_SHARED, fd, 0);
        MyData data = new MyData(mapping);
        CommandSource commands = CommandSource.scriptOrStdin(script);
        os.println(name + " is mapped at 0x" + Long.toHexString(mapping.address()));
        os.print(MENU);
        while (true) {
            os.print("> ");
            String line = commands.next(os);
            if (line == null) {
                os.munmap(mapping);
                return 0;
            }
            byte[] text = cut(line.getBytes(StandardCharsets.UTF_8), MAX_LINE);
            if (text.length == 0) {
                continue;
            }
            byte[] argument = text.length > 2 ? Arrays.copyOfRange(text, 2, text.length) : new byte[0];
            switch (text[0]) {
                case 'r' -> os.print("version: " + data.version() + "\n   text: " + data.text()
                        + "\ncounter: " + data.counter() + "\n");
                case 'w' -> {
                    data.writeText(argument);
                    data.incrementVersion();
                }
                case 'i' -> data.addToCounter(CNumbers.atoi(new String(argument, StandardCharsets.UTF_8)));
                case 'd' -> data.addToCounter(-CNumbers.atoi(new String(argument, StandardCharsets.UTF_8)));
                case 'c' -> {
                    long offset = CNumbers.atol(new String(argument, StandardCharsets.UTF_8));
                    byte b = mapping.getByte(offset);
                    os.println("byte at data + " + offset + ": " + (b & 0xff));
                }
                case 'q' -> {
                    os.munmap(mapping);
                    return 0;
                }
                default -> os.println("unknown command '" + (char) (text[0] & 0xff) + "'; commands are r, w, i, d, c, q");
            }
        }
    }

    static byte[] cut(byte[] bytes, int max) {
        return bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
    }
}
