package io.shmlab.differential;

import io.shmlab.api.Machine;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Mapping;
import io.shmlab.api.MemoryFault;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Semaphore;
import io.shmlab.api.Timespec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Runs steps on one backend's process and says what each did, as text: {@code ok}, a value, an
 * errno ({@code EINVAL}), a fault ({@code SIGBUS PAST_END_OF_OBJECT READ}), an argument the api
 * refuses ({@code refused}), or {@code no handle} when no earlier step made what the step names.
 * Addresses and descriptor numbers are left out: they differ between backends by design.
 *
 * <p>The process starts with the umask 022 (a simulated process's own; the JVM's is set to it, and
 * given back at the end).
 */
final class World implements AutoCloseable {
    private static final int START_UMASK = 022;

    private final Machine machine;
    private final Os os;
    private final String prefix;
    private final List<String> names;
    private final int umaskBefore;
    private final List<OpenFile> files = new ArrayList<>();
    private final List<Mapping> mappings = new ArrayList<>();
    private final List<Semaphore> semaphores = new ArrayList<>();

    World(Machine machine, String prefix) {
        this.machine = machine;
        this.os = machine.spawn();
        this.prefix = prefix;
        this.names = Names.pool(prefix);
        this.umaskBefore = os.umask(START_UMASK);
    }

    /** The name of index {@code index} in the program's pool, wrapping around. */
    String name(int index) {
        return names.get(Math.floorMod(index, names.size()));
    }

    /** Runs a step and renders its outcome. */
    String apply(Step step) {
        try {
            return run(step);
        } catch (NoHandle e) {
            return "no handle";
        } catch (PosixException e) {
            return e.errno().name();
        } catch (MemoryFault f) {
            return f.signal() + " " + f.kind() + " " + f.access();
        } catch (IllegalArgumentException e) {
            return "refused";
        }
    }

    private String run(Step step) {
        if (step instanceof Step.ShmOpen s) {
            files.add(os.shmOpen(name(s.name()), s.flags(), s.mode()));
            return "ok";
        } else if (step instanceof Step.ShmUnlink s) {
            os.shmUnlink(name(s.name()));
            return "ok";
        } else if (step instanceof Step.Ftruncate s) {
            os.ftruncate(file(s.fd()), s.length());
            return "ok";
        } else if (step instanceof Step.Fallocate s) {
            os.posixFallocate(file(s.fd()), s.offset(), s.length());
            return "ok";
        } else if (step instanceof Step.Fstat s) {
            var st = os.fstat(file(s.fd()));
            return "size " + st.size() + " mode 0" + Integer.toOctalString(st.mode() & 0777);
        } else if (step instanceof Step.Close s) {
            os.close(file(s.fd()));
            return "ok";
        } else if (step instanceof Step.Umask s) {
            return "was 0" + Integer.toOctalString(os.umask(s.mask()));
        } else if (step instanceof Step.ListShm) {
            return machine.listShm().stream().filter(n -> n.contains(prefix)).toList().toString();
        } else if (step instanceof Step.Mmap s) {
            mappings.add(os.mmap(s.length(), s.prot(), s.flags(), file(s.fd()), s.offset()));
            return "ok";
        } else if (step instanceof Step.MmapAnonymous s) {
            mappings.add(os.mmapAnonymous(s.length(), s.prot(), s.flags() | MapFlags.MAP_ANONYMOUS));
            return "ok";
        } else if (step instanceof Step.Munmap s) {
            os.munmap(mapping(s.mapping()));
            return "ok";
        } else if (step instanceof Step.MunmapPart s) {
            os.munmap(mapping(s.mapping()), s.offset(), s.length());
            return "ok";
        } else if (step instanceof Step.Msync s) {
            os.msync(mapping(s.mapping()), s.offset(), s.length(), s.flags());
            return "ok";
        }
        return memory(step);
    }

    private String memory(Step step) {
        if (step instanceof Step.Load s) {
            Mapping m = mapping(s.mapping());
            return switch (s.width()) {
                case 1 -> "value " + m.getByte(s.offset());
                case 2 -> "value " + m.getShort(s.offset());
                case 4 -> "value " + m.getInt(s.offset());
                default -> "value " + m.getLong(s.offset());
            };
        } else if (step instanceof Step.Store s) {
            Mapping m = mapping(s.mapping());
            switch (s.width()) {
                case 1 -> m.putByte(s.offset(), (byte) s.value());
                case 2 -> m.putShort(s.offset(), (short) s.value());
                case 4 -> m.putInt(s.offset(), (int) s.value());
                default -> m.putLong(s.offset(), s.value());
            }
            return "ok";
        } else if (step instanceof Step.Copy s) {
            byte[] bytes = mapping(s.mapping()).getBytes(s.offset(), s.length());
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return "crc " + Long.toHexString(crc.getValue());
        } else if (step instanceof Step.Fill s) {
            byte[] bytes = new byte[s.length()];
            Arrays.fill(bytes, s.value());
            mapping(s.mapping()).putBytes(s.offset(), bytes);
            return "ok";
        } else if (step instanceof Step.GetAndAdd s) {
            return "value " + mapping(s.mapping()).getAndAddInt(s.offset(), s.delta());
        } else if (step instanceof Step.GetAndAddLong s) {
            return "value " + mapping(s.mapping()).getAndAddLong(s.offset(), s.delta());
        } else if (step instanceof Step.CompareAndSetLong s) {
            return "set " + mapping(s.mapping()).compareAndSetLong(s.offset(), s.expected(), s.value());
        }
        return semaphore(step);
    }

    private String semaphore(Step step) {
        if (step instanceof Step.SemOpen s) {
            semaphores.add(os.semOpen(name(s.name()), s.flags(), s.mode(), s.value()));
            return "ok";
        } else if (step instanceof Step.SemUnlink s) {
            os.semUnlink(name(s.name()));
            return "ok";
        } else if (step instanceof Step.SemClose s) {
            // the handle stays in the list: a use after close is worth comparing too
            os.semClose(semaphore(s.sem()));
            return "ok";
        } else if (step instanceof Step.SemInit s) {
            semaphores.add(os.semInit(mapping(s.mapping()), s.offset(), true, s.value()));
            return "ok";
        } else if (step instanceof Step.SemAt s) {
            semaphores.add(os.semAt(mapping(s.mapping()), s.offset()));
            return "ok";
        } else if (step instanceof Step.SemDestroy s) {
            os.semDestroy(semaphore(s.sem()));
            return "ok";
        } else if (step instanceof Step.SemPost s) {
            os.semPost(semaphore(s.sem()));
            return "ok";
        } else if (step instanceof Step.SemTrywait s) {
            return "taken " + os.semTrywait(semaphore(s.sem()));
        } else if (step instanceof Step.SemTimedwait s) {
            return "taken " + os.semTimedwait(semaphore(s.sem()), new Timespec(s.seconds(), s.nanos()));
        } else if (step instanceof Step.SemGetvalue s) {
            return "value " + os.semGetvalue(semaphore(s.sem()));
        }
        throw new AssertionError(step);
    }

    /** The step names a handle no earlier step made. */
    private static final class NoHandle extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoHandle() {
            super(null, null, false, false);
        }
    }

    private OpenFile file(int index) {
        if (files.isEmpty()) {
            throw new NoHandle();
        }
        return files.get(index % files.size());
    }

    private Mapping mapping(int index) {
        if (mappings.isEmpty()) {
            throw new NoHandle();
        }
        return mappings.get(index % mappings.size());
    }

    private Semaphore semaphore(int index) {
        if (semaphores.isEmpty()) {
            throw new NoHandle();
        }
        return semaphores.get(index % semaphores.size());
    }

    /**
     * Unmaps, closes and unlinks everything the steps made, leaving the namespace as it was and the
     * umask as it found it.
     */
    @Override
    public void close() {
        for (Semaphore sem : semaphores) {
            if (sem.name() != null) {
                ignoreErrors(() -> os.semClose(sem));
            }
        }
        mappings.forEach(m -> ignoreErrors(() -> os.munmap(m)));
        files.forEach(f -> ignoreErrors(() -> os.close(f)));
        for (String name : names) {
            ignoreErrors(() -> os.shmUnlink(name));
            ignoreErrors(() -> os.semUnlink(name));
        }
        os.umask(umaskBefore);
    }

    /** Cleanup goes on past every refusal: what a random program left may be in any state. */
    private static void ignoreErrors(Runnable r) {
        try {
            r.run();
        } catch (PosixException | MemoryFault | IllegalArgumentException e) {
            // already closed, unmapped or unlinked, or never valid: nothing left to undo
        }
    }
}
