package io.shmlab.differential;

import io.shmlab.api.Errno;
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
import java.util.List;

/**
 * Runs steps on one backend's process and says what each did, as text: {@code ok}, a value, an
 * errno ({@code EINVAL}), a fault ({@code SIGBUS PAST_END_OF_OBJECT READ}) or a refused argument.
 * Addresses and descriptor numbers are left out: they differ between backends by design.
 */
final class World implements AutoCloseable {
    private final Machine machine;
    private final Os os;
    private final String prefix;
    private final int names;
    private final List<OpenFile> files = new ArrayList<>();
    private final List<Mapping> mappings = new ArrayList<>();
    private final List<Semaphore> semaphores = new ArrayList<>();

    World(Machine machine, String prefix, int names) {
        this.machine = machine;
        this.os = machine.spawn();
        this.prefix = prefix;
        this.names = names;
    }

    String name(int index) {
        return "/" + prefix + "-" + index;
    }

    /** Runs a step and renders its outcome. */
    String apply(Step step) {
        try {
            return run(step);
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
        } else if (step instanceof Step.Mmap s) {
            mappings.add(os.mmap(s.length(), s.prot(), s.flags(), file(s.fd()), s.offset()));
            return "ok";
        } else if (step instanceof Step.MmapAnonymous s) {
            mappings.add(os.mmapAnonymous(s.length(), s.prot(), MapFlags.MAP_SHARED | MapFlags.MAP_ANONYMOUS));
            return "ok";
        } else if (step instanceof Step.Munmap s) {
            os.munmap(mapping(s.mapping()));
            return "ok";
        } else if (step instanceof Step.Load s) {
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
        } else if (step instanceof Step.GetAndAdd s) {
            return "value " + mapping(s.mapping()).getAndAddInt(s.offset(), s.delta());
        } else if (step instanceof Step.Msync s) {
            os.msync(mapping(s.mapping()), s.offset(), s.length(), s.flags());
            return "ok";
        } else if (step instanceof Step.SemOpen s) {
            semaphores.add(os.semOpen(name(s.name()), s.flags(), 0600, s.value()));
            return "ok";
        } else if (step instanceof Step.SemUnlink s) {
            os.semUnlink(name(s.name()));
            return "ok";
        } else if (step instanceof Step.SemClose s) {
            Semaphore sem = semaphore(s.sem());
            if (sem == null || sem.name() == null) {
                return "no named semaphore";
            }
            semaphores.remove(sem);
            os.semClose(sem);
            return "ok";
        } else if (step instanceof Step.SemInit s) {
            semaphores.add(os.semInit(mapping(s.mapping()), s.offset(), true, s.value()));
            return "ok";
        } else if (step instanceof Step.SemPost s) {
            os.semPost(semaphore(s.sem()));
            return "ok";
        } else if (step instanceof Step.SemTrywait s) {
            return "taken " + os.semTrywait(semaphore(s.sem()));
        } else if (step instanceof Step.SemTimedwait s) {
            return "taken " + os.semTimedwait(semaphore(s.sem()), new Timespec(0, s.nanos()));
        } else if (step instanceof Step.SemGetvalue s) {
            return "value " + os.semGetvalue(semaphore(s.sem()));
        }
        throw new AssertionError(step);
    }

    private OpenFile file(int index) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no descriptor yet");
        }
        return files.get(index % files.size());
    }

    private Mapping mapping(int index) {
        if (mappings.isEmpty()) {
            throw new IllegalArgumentException("no mapping yet");
        }
        return mappings.get(index % mappings.size());
    }

    private Semaphore semaphore(int index) {
        if (semaphores.isEmpty()) {
            throw new IllegalArgumentException("no semaphore yet");
        }
        return semaphores.get(index % semaphores.size());
    }

    /** Unmaps, closes and unlinks everything the steps made, leaving the namespace as it was. */
    @Override
    public void close() {
        for (Semaphore sem : semaphores) {
            if (sem.name() != null) {
                ignoreErrors(() -> os.semClose(sem));
            }
        }
        mappings.forEach(m -> ignoreErrors(() -> os.munmap(m)));
        files.forEach(f -> ignoreErrors(() -> os.close(f)));
        for (int i = 0; i < names; i++) {
            String name = name(i);
            ignoreErrors(() -> os.shmUnlink(name));
            ignoreErrors(() -> os.semUnlink(name));
        }
    }

    private static void ignoreErrors(Runnable r) {
        try {
            r.run();
        } catch (PosixException e) {
            if (e.errno() != Errno.EBADF && e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }
}
