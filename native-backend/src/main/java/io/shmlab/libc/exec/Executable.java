package io.shmlab.libc.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A binary to run under the preloaded turnstile, checked first: it must be a dynamically linked
 * 64-bit ELF executable, since only the dynamic loader honours LD_PRELOAD (a static binary would run
 * with none of its calls ordered). Dynamic linking shows as a {@code PT_INTERP} program header.
 */
public final class Executable {
    private static final int PT_INTERP = 3;
    private static final int HEADER = 64;

    private Executable() {
    }

    /**
     * The binary's path, absolute, once checked.
     *
     * @throws NotRunnableException in one line when it is missing, not executable, not an ELF
     *     executable of 64 bits, or statically linked
     */
    public static Path check(Path binary) {
        String shown = binary.toString();
        if (!Files.exists(binary)) {
            throw new NotRunnableException(shown + " does not exist");
        }
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new NotRunnableException(shown + " is not an executable file");
        }
        try (FileChannel in = FileChannel.open(binary)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            if (in.read(header, 0) < HEADER || header.getInt(0) != 0x464c457f) {
                throw new NotRunnableException(shown + " is not an ELF executable (a script? give the compiled program)");
            }
            if (header.get(4) != 2 || header.get(5) != 1) {
                throw new NotRunnableException(shown + " is not a 64-bit little-endian ELF executable");
            }
            long phoff = header.getLong(32);
            int phentsize = Short.toUnsignedInt(header.getShort(54));
            int phnum = Short.toUnsignedInt(header.getShort(56));
            ByteBuffer entry = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < phnum; i++) {
                entry.clear();
                if (in.read(entry, phoff + (long) i * phentsize) == Integer.BYTES && entry.getInt(0) == PT_INTERP) {
                    return binary.toAbsolutePath();
                }
            }
            throw new NotRunnableException(shown + " is statically linked: LD_PRELOAD cannot reach its calls;"
                    + " build it without -static");
        } catch (IOException e) {
            throw new NotRunnableException(shown + " cannot be read: " + e.getMessage());
        }
    }
}
