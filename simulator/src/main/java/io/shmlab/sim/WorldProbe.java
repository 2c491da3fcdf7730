package io.shmlab.sim;

import io.shmlab.sim.kernel.Kernel;
import io.shmlab.sim.kernel.KernelProcess;
import io.shmlab.sim.kernel.MemoryObject;
import io.shmlab.sim.kernel.VirtualMemoryArea;
import io.shmlab.sim.sched.WorldState;
import io.shmlab.sim.sem.SemaphoreRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Looks at a simulated machine for a traced run's picture ({@link WorldState}): the semaphores the
 * registry has seen, with value and waiter count; every shared memory object in /dev/shm or mapped
 * by a live process, with its resident pages, each process's touched pages and the pages mapped past
 * its end; each process's page faults. Looking changes nothing: no page is made, no fault counted.
 */
final class WorldProbe {
    private final Kernel kernel;
    private final SemaphoreRegistry registry;

    WorldProbe(Kernel kernel, SemaphoreRegistry registry) {
        this.kernel = kernel;
        this.registry = registry;
    }

    WorldState look() {
        List<WorldState.SemaphoreState> semaphores = new ArrayList<>();
        for (SemaphoreRegistry.Seen s : registry.semaphores()) {
            semaphores.add(new WorldState.SemaphoreState(s.name(), s.value(), s.waiters()));
        }
        Map<MemoryObject, Map<String, List<Long>>> touched = new LinkedHashMap<>();
        for (String name : kernel.listShm()) {
            touched.put(kernel.shmObject(name), new TreeMap<>());
        }
        Map<String, Long> faults = new TreeMap<>();
        for (KernelProcess p : kernel.allProcesses()) {
            String label = p.label() == null ? String.valueOf(p.pid()) : p.label();
            faults.put(label, p.space().minorFaults());
            for (VirtualMemoryArea area : p.space().areas()) {
                MemoryObject object = area.object();
                if (object == null || object.kind() != MemoryObject.Kind.SHARED_MEMORY) {
                    continue;
                }
                List<Long> pages = area.touchedObjectPages();
                Map<String, List<Long>> byProcess = touched.computeIfAbsent(object, o -> new TreeMap<>());
                if (!pages.isEmpty()) {
                    byProcess.merge(label, pages, WorldProbe::union);
                }
            }
        }
        List<WorldState.ObjectState> objects = new ArrayList<>();
        for (Map.Entry<MemoryObject, Map<String, List<Long>>> e : touched.entrySet()) {
            MemoryObject o = e.getKey();
            String name = o.name() == null ? "shared memory " + o.id() : o.name();
            boolean linked = o.name() != null && kernel.shmObject(o.name().substring(1)) == o;
            objects.add(new WorldState.ObjectState(linked ? name : name + " (unlinked)", o.size(), o.mappedPages(),
                    o.residentPageIndices(), e.getValue()));
        }
        return new WorldState(semaphores, objects, faults);
    }

    private static List<Long> union(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        for (Long page : b) {
            if (!all.contains(page)) {
                all.add(page);
            }
        }
        all.sort(null);
        return all;
    }
}
