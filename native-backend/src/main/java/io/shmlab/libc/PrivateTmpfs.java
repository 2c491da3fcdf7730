package io.shmlab.libc;

import io.shmlab.api.CheckVerdict;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunReport;
import io.shmlab.api.ShmSize;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A /dev/shm of a given size for child processes alone: a tmpfs mounted on /dev/shm in a mount
 * namespace of its own, as a container with {@code --shm-size} has. A JVM cannot move its threads into
 * another mount namespace, so the namespace is held by a small keeper process ({@code unshare --mount}
 * running {@code mount -t tmpfs}, then {@code cat} on a pipe from this JVM), and each child enters it
 * as it starts ({@code nsenter --mount}, keeping this JVM's working directory). Everything the children
 * make in /dev/shm lives in that tmpfs and goes with it: the keeper ends when {@link #close()} closes
 * its pipe, or when this JVM dies (the pipe closes with it), and with the last process in the
 * namespace the tmpfs is gone. Nothing reaches the host's /dev/shm; shmlab's own objects (the control
 * block of an ordered run) stay on the host's, reached from inside through {@link #hostShm}.
 *
 * <p>It needs Linux, root (mount), and unshare(1) and nsenter(1) from util-linux; where it cannot be
 * had, {@link #unavailableReason()} says why in one line.
 */
public final class PrivateTmpfs implements AutoCloseable {
    private static final String MOUNTED = "mounted";
    private static volatile String unavailable;

    private final ShmSize size;
    private final Process keeper;

    private PrivateTmpfs(ShmSize size, Process keeper) {
        this.size = size;
        this.keeper = keeper;
    }

    /**
     * Why a tmpfs of its own cannot be mounted for child processes here, or {@code null} when it can:
     * asked once (a trial mount in a throw-away namespace), then remembered.
     */
    public static String unavailableReason() {
        String known = unavailable;
        if (known == null) {
            known = probe();
            unavailable = known;
        }
        return known.isEmpty() ? null : known;
    }

    private static String probe() {
        String os = System.getProperty("os.name", "?");
        if (!os.equals("Linux")) {
            return "a /dev/shm of its own needs Linux mount namespaces; this is " + os;
        }
        int uid = uid();
        if (uid != 0) {
            return "a /dev/shm of its own needs root (unshare --mount, mount -t tmpfs); this is uid " + uid;
        }
        for (String tool : List.of("unshare", "nsenter")) {
            if (!onPath(tool)) {
                return "a /dev/shm of its own needs unshare(1) and nsenter(1) (util-linux); " + tool + " is not on PATH";
            }
        }
        try {
            Process trial = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "mount", "-t", "tmpfs",
                    "-o", ShmSize.ofPages(1).mountOption(), "shmlab-probe", "/dev/shm").redirectErrorStream(true).start();
            trial.getOutputStream().close();
            String said = new String(trial.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!trial.waitFor(30, TimeUnit.SECONDS)) {
                trial.destroyForcibly();
                return "a /dev/shm of its own: a trial mount of a tmpfs in a new mount namespace did not end";
            }
            if (trial.exitValue() != 0) {
                return "a /dev/shm of its own: unshare --mount and mount -t tmpfs failed here ("
                        + (said.isEmpty() ? "exit status " + trial.exitValue() : said.lines().findFirst().orElse(said)) + ")";
            }
            return "";
        } catch (IOException e) {
            return "a /dev/shm of its own: cannot run unshare: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "a /dev/shm of its own: interrupted while trying unshare";
        }
    }

    /** The real user id, from /proc/self/status (-1 when unknown). */
    private static int uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin:/usr/sbin:/sbin" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Mounts a tmpfs of {@code size} on /dev/shm in a new mount namespace, held until {@link #close()}.
     *
     * @throws IllegalStateException when it cannot be had (see {@link #unavailableReason()}), saying why
     */
    public static PrivateTmpfs mount(ShmSize size) {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        String script = "mount -t tmpfs -o " + size.mountOption() + ",mode=1777 shmlab-shm /dev/shm && echo " + MOUNTED
                + " && exec cat >/dev/null";
        Process keeper;
        try {
            keeper = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c", script).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start unshare for a /dev/shm of " + size, e);
        }
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(keeper.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!MOUNTED.equals(line)) {
                String error = text(keeper.getErrorStream());
                keeper.destroyForcibly();
                throw new IllegalStateException("cannot mount a tmpfs of " + size + " on /dev/shm in a namespace of its own: "
                        + (error.isEmpty() ? "the keeper said " + line : error));
            }
        } catch (IOException e) {
            keeper.destroyForcibly();
            throw new UncheckedIOException("cannot read from the keeper of a /dev/shm of " + size, e);
        }
        return new PrivateTmpfs(size, keeper);
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** Its size. */
    public ShmSize size() {
        return size;
    }

    /**
     * The command that runs {@code command} inside the namespace, in this JVM's working directory:
     * {@code nsenter --mount=/proc/KEEPER/ns/mnt --wd=DIR --no-fork -- command...}. The process keeps
     * the pid it starts with (no fork), so it is signalled and watched as the command itself.
     */
    public List<String> enter(List<String> command) {
        List<String> entered = new ArrayList<>();
        entered.add("nsenter");
        entered.add("--mount=/proc/" + keeper.pid() + "/ns/mnt");
        entered.add("--wd=" + Path.of("").toAbsolutePath());
        entered.add("--no-fork");
        entered.add("--");
        entered.addAll(command);
        return entered;
    }

    /** The namespace's /dev/shm, as this JVM reaches it (through the keeper's root). */
    public Path shmDirectory() {
        return Path.of("/proc", Long.toString(keeper.pid()), "root", "dev", "shm");
    }

    /**
     * Where a process inside the namespace reaches an entry of this JVM's (the host's) /dev/shm: through
     * this JVM's root, {@code /proc/PID/root/dev/shm/ENTRY}.
     */
    public static String hostShm(String entry) {
        return "/proc/" + ProcessHandle.current().pid() + "/root/dev/shm/" + entry;
    }

    /**
     * The report with the program's final check, run inside the namespace (in a child JVM, where the
     * program's objects are), when the program has one and every process exited; else as it is.
     */
    public RunReport withFinalCheck(ProgramSpec program, RunReport report) {
        if (!report.allExited()) {
            return report;
        }
        CheckVerdict verdict = ChildCheck.run(program, this);
        return verdict == null ? report : report.withCheck(verdict);
    }

    /** Ends the keeper: with the last process in the namespace, the tmpfs and what it holds are gone. */
    @Override
    public void close() {
        try {
            keeper.getOutputStream().close();
            if (!keeper.waitFor(5, TimeUnit.SECONDS)) {
                keeper.destroyForcibly();
            }
        } catch (IOException e) {
            keeper.destroyForcibly();
        } catch (InterruptedException e) {
            keeper.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "a tmpfs of " + size + " on /dev/shm (mount namespace of process " + keeper.pid() + ")";
    }
}
