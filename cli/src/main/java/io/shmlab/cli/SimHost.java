package io.shmlab.cli;

import io.shmlab.api.Backend;
import io.shmlab.api.Ending;
import io.shmlab.api.Limits;
import io.shmlab.api.MachineOptions;
import io.shmlab.api.Program;
import io.shmlab.api.Protection;
import io.shmlab.api.Signal;
import io.shmlab.sim.MappingInfo;
import io.shmlab.sim.ProcessInfo;
import io.shmlab.sim.SimMachine;
import io.shmlab.sim.SimProcess;
import io.shmlab.api.ShmNamespace;
import io.shmlab.api.layout.SemT;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.MemoryObject;
import io.shmlab.sim.kernel.ProcessState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The simulator as a {@link ProcessHost}: one {@link SimMachine} in direct mode, each process on its
 * own thread, blocking for real, until the session closes it.
 */
final class SimHost implements ProcessHost {
    private final SimMachine machine;

    private SimHost(SimMachine machine) {
        this.machine = machine;
    }

    /** Boots the simulator's machine (the backend must be the simulator), set up as the options say. */
    static ProcessHost boot(Backend backend, MachineOptions options) {
        if (!(backend.boot(options) instanceof SimMachine machine)) {
            throw new IllegalStateException("backend " + backend.name() + " is not the simulator");
        }
        return new SimHost(machine);
    }

    /**
     * Launches the program, held at its start until {@link HostedProcess#onOutput} has set where its
     * output goes, so that not a byte of it (its menu, its first prompt) is missed.
     */
    @Override
    public HostedProcess launch(String label, Program program) {
        CountDownLatch listening = new CountDownLatch(1);
        Program held = os -> {
            listening.await();
            return program.main(os);
        };
        return new Hosted(machine.launch(label, held), listening);
    }

    @Override
    public List<String> ps() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%5s  %-5s  %5s  %-8s  %12s  %14s", "PID", "LABEL", "UID", "STATE", "MINOR_FAULTS", "RESIDENT_PAGES"));
        for (ProcessInfo p : machine.ps()) {
            if (p.label() == null) {
                continue;
            }
            lines.add(String.format("%5d  %-5s  %5d  %-8s  %12d  %14d", p.pid(), p.label(), p.uid(), p.state(),
                    p.minorFaults(), p.residentPages()));
        }
        lines.add(tmpfsLine());
        return lines;
    }

    /** {@code /dev/shm (tmpfs): 12 KiB of 1 MiB used (3 of 256 pages)}: what df says of it. */
    private String tmpfsLine() {
        return "/dev/shm (tmpfs): " + machine.kernel().tmpfs().describeUse();
    }

    @Override
    public List<String> maps() {
        List<String> lines = new ArrayList<>();
        for (ProcessInfo p : machine.ps()) {
            if (p.label() == null) {
                continue;
            }
            lines.add(p.label() + " (pid " + p.pid() + ", " + p.state().name().toLowerCase(java.util.Locale.ROOT) + "):");
            if (p.mappings().isEmpty()) {
                lines.add("  (no mappings)");
            }
            for (MappingInfo m : p.mappings()) {
                lines.add(String.format("  %012x-%012x %s %08x  %-12s %s", m.address(),
                        m.address() + Limits.pageAlignUp(m.length()), perms(m.prot(), m.flags()), m.fileOffset(),
                        m.length() + " bytes",
                        m.objectName() == null ? "[anonymous]" : m.objectName() + objectUse(m)));
            }
        }
        lines.add(tmpfsLine());
        return lines;
    }

    @Override
    public List<String> ls() {
        List<ShmEntryInfo> entries = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (String entry : machine.listShm()) {
            MemoryObject object = machine.kernel().shmObject(entry);
            if (object == null) {
                continue;
            }
            List<String> users = new ArrayList<>();
            for (KernelProcess p : machine.kernel().allProcesses()) {
                if (p.label() == null || p.ended()) {
                    continue;
                }
                boolean open = p.openObjects().contains(object);
                boolean mapped = p.space().areas().stream().anyMatch(a -> a.object() == object);
                if (open || mapped) {
                    users.add(p.label() + " (pid " + p.pid() + ", " + (open && mapped ? "open, mapped" : open ? "open" : "mapped") + ")");
                }
            }
            boolean semaphore = ShmNamespace.isSemaphoreFile(entry) && object.size() == SemT.SIZE;
            long data = semaphore ? object.peekLong(SemT.DATA_OFFSET) : 0;
            entries.add(new ShmEntryInfo(entry, object.size(), object.mode(), Integer.toString(object.uid()),
                    Duration.ofMillis(now - object.createdMillis()), users, semaphore ? SemT.value(data) : null,
                    semaphore ? SemT.waiters(data) : null, object.allocatedPages()));
        }
        List<String> lines = ShmListing.lines("/dev/shm of the simulated machine", entries);
        lines.add(1, "  tmpfs: " + machine.kernel().tmpfs().describeUse());
        return lines;
    }

    /** {@code  (object: size 4194304, 3 pages allocated)}: ls -l against du, for a mapped object. */
    private static String objectUse(MappingInfo m) {
        return m.allocatedPages() < 0 ? "" : "  (object: size " + m.objectSize() + ", " + m.allocatedPages() + " page"
                + (m.allocatedPages() == 1 ? "" : "s") + " allocated)";
    }

    /** The permissions column of /proc/PID/maps: rwx and s (shared) or p (private). */
    static String perms(int prot, int flags) {
        return ((prot & Protection.PROT_READ) != 0 ? "r" : "-")
                + ((prot & Protection.PROT_WRITE) != 0 ? "w" : "-")
                + ((prot & Protection.PROT_EXEC) != 0 ? "x" : "-")
                + ((flags & io.shmlab.api.MapFlags.MAP_SHARED) != 0 ? "s" : "p");
    }

    @Override
    public void close() {
        machine.close();
    }

    private record Hosted(SimProcess process, CountDownLatch listening) implements HostedProcess {

        @Override
        public String label() {
            return process.label();
        }

        @Override
        public int pid() {
            return process.pid();
        }

        @Override
        public void send(String line) {
            process.send(line);
        }

        @Override
        public void closeInput() {
            process.closeInput();
        }

        @Override
        public void onOutput(Consumer<String> sink) {
            process.onOutput(sink);
            listening.countDown();
        }

        @Override
        public boolean blocked() {
            // the kernel marks a futex wait or a sleep BLOCKED; a read of its own input is not
            return process.process().state() == ProcessState.BLOCKED;
        }

        @Override
        public String currentCall() {
            return process.process().currentCall();
        }

        @Override
        public Optional<Ending> awaitEnd(Duration timeout) {
            return process.awaitEnd(timeout);
        }

        @Override
        public void kill(Signal signal) {
            process.kill(signal);
        }
    }
}
