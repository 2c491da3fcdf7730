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
 * <p>Arguments: {@code [name [command...]]}; the name defaults to {@code /os_cp}; commands, when
 * given, are used instead of standard input.
 */
public final class Exercise1 implements Program {
    /** The seed's object name. */
    public static final String DEFAULT_NAME = "/os_cp";
    /** {@code scanf("%1021[^\n]")}: the longest command line read, in bytes. */
    static final int MAX_LINE = 1021;
    static final String MENU = "Commands:\n"
            + "  r           - reads the text\n"
            + "  w <text>    - writes new text\n"
            + "  i <num>     - increments the counter\n"
            + "  d <num>     - decrements the counter\n"
            + "  q           - quits\n";

    private final String name;
    private final List<String> script;

    /** @param args {@code [name [command...]]} */
    public Exercise1(String[] args) {
        this.name = args.length > 0 ? args[0] : DEFAULT_NAME;
        this.script = args.length > 1 ? List.of(Arrays.copyOfRange(args, 1, args.length)) : List.of();
    }

    @Override
    public int main(Os os) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, MyDataLayout.SIZE);
        Mapping mapping = os.mmap(MyDataLayout.SIZE, PROT_READ | PROT_WRITE,
                MAP_SHARED, fd, 0);
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
                case 'q' -> {
                    os.munmap(mapping);
                    return 0;
                }
                default -> os.println("unknown command '" + (char) (text[0] & 0xff) + "'; commands are r, w, i, d, q");
            }
        }
    }

    static byte[] cut(byte[] bytes, int max) {
        return bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
    }
}
