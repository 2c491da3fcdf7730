package io.shmlab.differential;

import io.shmlab.api.Machine;
import io.shmlab.api.ShmSize;
import io.shmlab.libc.NativeBackend;
import io.shmlab.libc.PrivateTmpfs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's side of the differential programs that run in a small /dev/shm: one child JVM inside one
 * mount namespace with a tmpfs on /dev/shm ({@link PrivateTmpfs}), which runs a {@link World} on the
 * native backend step by step as this JVM sends the steps ({@link StepCodec}), and remounts the tmpfs
 * with the size of each program ({@code mount -o remount,size=}) before it starts.
 *
 * <p>The protocol, a line each way: {@code size PAGES} (remount), {@code begin PREFIX}, {@code step
 * ENCODED}, {@code end}; each answered by one line ({@code ok}, or the step's outcome).
 */
final class KernelInTmpfs implements AutoCloseable {
    private final PrivateTmpfs tmpfs;
    private final Process child;
    private final PrintWriter to;
    private final BufferedReader from;

    private KernelInTmpfs(PrivateTmpfs tmpfs, Process child) {
        this.tmpfs = tmpfs;
        this.child = child;
        this.to = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        this.from = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the child JVM in a new namespace. */
    static KernelInTmpfs start() {
        PrivateTmpfs tmpfs = PrivateTmpfs.mount(ShmSize.ofPages(1));
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KernelInTmpfs.class.getName());
        try {
            Process child = new ProcessBuilder(tmpfs.enter(java)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new KernelInTmpfs(tmpfs, child);
        } catch (IOException e) {
            tmpfs.close();
            throw new UncheckedIOException(e);
        }
    }

    /** Remounts the tmpfs with this many pages: {@code ok}, or why not. */
    String resize(long pages) {
        return ask("size " + pages);
    }

    /** Starts a program whose names begin with {@code prefix}. */
    void begin(String prefix) {
        ask("begin " + prefix);
    }

    /** What the step did, as {@link World#apply} renders it. */
    String apply(Step step) {
        return ask("step " + StepCodec.encode(step));
    }

    /** Ends the program: everything it made goes. */
    void end() {
        ask("end");
    }

    private String ask(String line) {
        to.println(line);
        try {
            String answer = from.readLine();
            if (answer == null) {
                throw new IllegalStateException("the kernel's JVM ended (exit status " + child.waitFor() + ") at: " + line);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        to.close();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
        tmpfs.close();
    }

    /** The child: runs the protocol on the native backend, inside the namespace. */
    public static void main(String[] args) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Machine real = new NativeBackend().boot();
        World world = null;
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.split(" ", 2);
            switch (words[0]) {
                case "size" -> {
                    long bytes = Long.parseLong(words[1]) * io.shmlab.api.Limits.PAGE_SIZE;
                    Process mount = new ProcessBuilder("mount", "-o", "remount,size=" + bytes, "/dev/shm")
                            .redirectErrorStream(true).start();
                    String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    out.println(mount.waitFor() == 0 ? "ok" : "remount failed: " + said);
                }
                case "begin" -> {
                    world = new World(real, words[1]);
                    out.println("ok");
                }
                case "step" -> out.println(world.apply(StepCodec.decode(words[1])));
                case "end" -> {
                    world.close();
                    world = null;
                    out.println("ok");
                }
                default -> out.println("unknown: " + line);
            }
        }
        System.exit(0);
    }
}
