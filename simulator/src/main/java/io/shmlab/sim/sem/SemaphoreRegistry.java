package io.shmlab.sim.sem;

import io.shmlab.api.layout.SemT;
import io.shmlab.sim.kernel.AddressSpace;
import io.shmlab.sim.kernel.FutexKey;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.MemoryObject;
import io.shmlab.sim.kernel.VirtualMemoryArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the machine knows about where semaphores are, to report undefined behaviour: which locations
 * sem_init (or sem_open) made a semaphore and which sem_destroy ended. It never changes an outcome;
 * it only records a report (and tells the dispatcher, for the trace), while the operation goes on as
 * glibc would.
 *
 * <p>It also keeps every place a semaphore was initialised or used at, so that a traced run's picture
 * can show each semaphore's value and waiter count after every step ({@link #semaphores()}).
 *
 * <p>Locations are physical (object and offset for shared memory), so process B's wait on the
 * {@code sem_t} process A initialised is known to be on an initialised semaphore.
 */
public final class SemaphoreRegistry {
    private enum State { LIVE, DESTROYED }

    private final Map<FutexKey, State> states = new ConcurrentHashMap<>();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final Map<FutexKey, Site> sites = new ConcurrentHashMap<>();
    private final List<Site> siteOrder = new CopyOnWriteArrayList<>();

    /**
     * One place semaphores were used at, read without faulting: through the object for shared
     * memory (so it stays readable after every process unmapped it), else through the address space.
     */
    private record Site(String name, MemoryObject object, long offset, AddressSpace space, long address) {
        long data() {
            return object != null ? object.peekLong(offset + SemT.DATA_OFFSET) : space.peekLong(address + SemT.DATA_OFFSET);
        }
    }

    /**
     * A semaphore as a picture shows it.
     *
     * @param name where it is: {@code /myData+0}, {@code sem.mutex}, or an address in one process
     * @param value its value
     * @param waiters glibc's waiter count
     */
    public record Seen(String name, long value, long waiters) {
    }

    void initialised(SemaphoreCell cell) {
        FutexKey location = cell.location();
        states.put(location, State.LIVE);
        watch(location, cell);
    }

    void destroyed(FutexKey location) {
        states.put(location, State.DESTROYED);
    }

    /** Records misuse by a process and tells the dispatcher. */
    void report(KernelProcess process, String message) {
        reports.add(process.pid() + ": " + message);
        process.kernel().dispatcher().warn(process.pid(), message);
    }

    /** Records misuse noticed outside the semaphore code (sem_destroy of a named semaphore, ...). */
    public void reportMisuse(KernelProcess process, String message) {
        report(process, message);
    }

    /** Reports a wait or post on memory that is not a live semaphore. */
    void checkUse(KernelProcess process, SemaphoreCell cell, String call) {
        FutexKey location = cell.location();
        watch(location, cell);
        State state = states.get(location);
        String where = "0x" + Long.toHexString(cell.address());
        if (state == null) {
            report(process, call + "(" + where + ") on memory never initialised as a semaphore (no sem_init)");
        } else if (state == State.DESTROYED) {
            report(process, call + "(" + where + ") on a semaphore destroyed by sem_destroy");
        }
    }

    private void watch(FutexKey location, SemaphoreCell cell) {
        if (sites.containsKey(location)) {
            return;
        }
        KernelProcess process = cell.process();
        VirtualMemoryArea area = process.space().find(cell.address());
        Site site;
        if (location.shared() && area != null && area.object() != null) {
            MemoryObject object = area.object();
            String name = object.name() == null ? "shared memory " + object.id() : object.name();
            boolean semaphoreFile = location.location() == 0 && name.startsWith("/sem.");
            site = new Site(semaphoreFile ? name.substring(1) : name + "+" + location.location(), object,
                    location.location(), null, 0);
        } else {
            site = new Site("0x" + Long.toHexString(cell.address()) + " of pid " + process.pid(), null, 0, process.space(),
                    cell.address());
        }
        if (sites.putIfAbsent(location, site) == null) {
            siteOrder.add(site);
        }
    }

    /**
     * Every semaphore initialised or used so far, in the order first seen, with its value and waiter
     * count now: read without faulting, touching a page or counting anything.
     */
    public List<Seen> semaphores() {
        List<Seen> seen = new ArrayList<>(siteOrder.size());
        for (Site site : siteOrder) {
            long data = site.data();
            seen.add(new Seen(site.name(), SemT.value(data), SemT.waiters(data)));
        }
        return seen;
    }

    /** The reports so far, oldest first, each "pid: message". */
    public List<String> reports() {
        return new ArrayList<>(reports);
    }
}
