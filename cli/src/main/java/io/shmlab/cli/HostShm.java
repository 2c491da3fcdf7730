package io.shmlab.cli;

import io.shmlab.api.ShmNamespace;
import io.shmlab.api.layout.SemT;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host's /dev/shm as {@code shmlab ls} shows it: each entry's attributes from stat(2), its users
 * from /proc ({@link ShmUsers}), and for a named semaphore ({@code sem.NAME}, 32 bytes) the value and
 * waiter count read from its {@code sem_t} as glibc lays it out ({@link SemT}).
 */
final class HostShm {
    /** Where glibc keeps shared memory objects and named semaphores. */
    static final Path DIRECTORY = Path.of("/dev/shm");

    private HostShm() {
    }

    /** Every entry, by name. */
    static List<ShmEntryInfo> list() throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(DIRECTORY)) {
            files = entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        ShmUsers users = ShmUsers.scan();
        List<ShmEntryInfo> listed = new ArrayList<>();
        for (Path file : files) {
            String entry = file.getFileName().toString();
            try {
                listed.add(info(file, entry, users));
            } catch (IOException gone) {
                // removed while listing
            }
        }
        return listed;
    }

    private static ShmEntryInfo info(Path file, String entry, ShmUsers users) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Map<String, Object> unix = Files.readAttributes(file, "unix:ctime,mode", LinkOption.NOFOLLOW_LINKS);
        FileTime changed = (FileTime) unix.get("ctime");
        Instant made = changed.toInstant().isBefore(attributes.lastModifiedTime().toInstant()) ? changed.toInstant()
                : attributes.lastModifiedTime().toInstant();
        Long value = null;
        Long waiters = null;
        if (ShmNamespace.isSemaphoreFile(entry) && attributes.size() == SemT.SIZE) {
            long data = readData(file);
            value = SemT.value(data);
            waiters = SemT.waiters(data);
        }
        return new ShmEntryInfo(entry, attributes.size(), ((Integer) unix.get("mode")) & 07777, attributes.owner().getName(),
                Duration.between(made, Instant.now()), describe(entry, users), value, waiters);
    }

    /** The {@code data} word of a semaphore's file: read(2) of its first 8 bytes. */
    private static long readData(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer data = ByteBuffer.allocate(SemT.DATA_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            while (data.hasRemaining() && channel.read(data, SemT.DATA_OFFSET + data.position()) > 0) {
                // read until full
            }
            return data.getLong(0);
        }
    }

    private static List<String> describe(String entry, ShmUsers users) {
        List<String> described = new ArrayList<>();
        Set<Integer> open = users.openers(entry);
        Set<Integer> mapped = users.mappers(entry);
        for (int pid : users.users(entry)) {
            String how = open.contains(pid) && mapped.contains(pid) ? "open, mapped" : open.contains(pid) ? "open" : "mapped";
            described.add(pid + " " + command(pid) + " (" + how + ")");
        }
        return described;
    }

    /** The process's command name, as ps shows it. */
    private static String command(int pid) {
        try {
            return Files.readString(Path.of("/proc", Integer.toString(pid), "comm")).trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
