package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.Machine;
import io.shmlab.api.Os;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.Unlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shmlab rm NAME...}: ipcrm for POSIX shared memory. {@code /x} removes the object {@code /x}
 * and the named semaphore {@code /x}, whichever exist (shm_unlink, sem_unlink); a listed file name
 * ({@code sem.x}) removes just that one. Processes that have one mapped keep their mapping, as after
 * any unlink. {@code --all-mine} removes every entry of /dev/shm the user owns; {@code --dry-run} only
 * says what would go.
 */
@Command(name = "rm", mixinStandardHelpOptions = true, description = {
    "Remove POSIX shared memory objects and named semaphores by name (shm_unlink, sem_unlink):",
    "/x removes the object /x and the semaphore /x (sem.x in /dev/shm), whichever exist.",
    "Processes that have one mapped keep their mapping. Exit status 1 if a name does not exist."})
final class RmCommand implements Callable<Integer> {

    @ParentCommand
    ShmlabCommand root;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "/x (object and semaphore), or a file name of /dev/shm such as sem.x")
    List<String> names = new ArrayList<>();

    @Option(names = "--all-mine", description = "every object and semaphore in /dev/shm that you own")
    boolean allMine;

    @Option(names = "--dry-run", description = "only say what would be removed")
    boolean dryRun;

    @Mixin
    NativeOnlyOption backend;

    @Override
    public Integer call() throws IOException {
        if (names.isEmpty() && !allMine) {
            throw new UsageError("rm needs a name such as /os_cp, or --all-mine");
        }
        Backend chosen = backend.resolve("rm");
        Console console = root.console();
        try (Machine machine = chosen.boot()) {
            Os os = machine.spawn();
            Set<String> entries = new LinkedHashSet<>();
            boolean missing = false;
            for (String name : names) {
                List<String> found = entriesOf(name);
                if (found.isEmpty()) {
                    console.error("shmlab: no object or semaphore " + Echo.quoted(name) + " in /dev/shm (see shmlab ls)");
                    missing = true;
                }
                entries.addAll(found);
            }
            if (allMine) {
                entries.addAll(ownedBy(os.uid()));
            }
            ShmUsers users = ShmUsers.scan();
            for (String entry : entries) {
                Set<Integer> using = users.otherUsers(entry);
                String still = using.isEmpty() ? "" : " (process(es) " + using + " keep their mapping until they unmap it)";
                if (dryRun) {
                    console.println("would remove " + ShmEntries.display(entry) + still);
                } else if (Unlink.entryIfPresent(os, entry)) {
                    console.println("removed " + ShmEntries.display(entry) + still);
                }
            }
            if (entries.isEmpty() && allMine) {
                console.println("nothing of yours in /dev/shm");
            }
            return missing ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** The entries a name given to rm means. */
    private static List<String> entriesOf(String name) {
        List<String> found = new ArrayList<>();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '/') || name.indexOf('/', name.startsWith("/") ? 1 : 0) >= 0
                || name.length() > 300) {
            return found;
        }
        String object = ShmNamespace.objectFile(name);
        if (exists(object)) {
            found.add(object);
        }
        String semaphore = ShmNamespace.semaphoreFile(name);
        if (name.startsWith("/") && exists(semaphore)) {
            found.add(semaphore);
        }
        return found;
    }

    private static boolean exists(String entry) {
        return Files.isRegularFile(HostShm.DIRECTORY.resolve(entry), LinkOption.NOFOLLOW_LINKS);
    }

    private static List<String> ownedBy(int uid) throws IOException {
        List<String> mine = new ArrayList<>();
        try (var files = Files.list(HostShm.DIRECTORY)) {
            for (Path file : files.sorted().toList()) {
                try {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                            && ((Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == uid) {
                        mine.add(file.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // removed meanwhile
                }
            }
        }
        return mine;
    }
}
