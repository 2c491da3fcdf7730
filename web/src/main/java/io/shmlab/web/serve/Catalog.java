package io.shmlab.web.serve;

import io.shmlab.api.ProgramSpec;
import io.shmlab.api.ShmSize;
import io.shmlab.sim.ProgramSimulation;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.labs.Labs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code serve} offers to run: the labs of a registry, each with its default settings, and any
 * program added by the command (a user's own program).
 */
public final class Catalog {

    /**
     * One thing to run.
     *
     * @param id the name a user picks ({@code ex5}, a program's class name)
     * @param title one line saying what it is
     * @param spec the program every process builds
     * @param raceInMemory whether exploring and stepping switch at every load and store
     * @param shmSize the capacity of the simulated /dev/shm it runs on
     */
    public record Entry(String id, String title, ProgramSpec spec, boolean raceInMemory, ShmSize shmSize) {

        /** An entry on a /dev/shm of the nominal 8 GiB. */
        public Entry(String id, String title, ProgramSpec spec, boolean raceInMemory) {
            this(id, title, spec, raceInMemory, ShmSize.NOMINAL);
        }

        /** The program on fresh simulated machines of the entry's /dev/shm. */
        public ProgramSimulation simulation() {
            return new ProgramSimulation(spec).withShmSize(shmSize);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** The labs of a registry, with their default settings. */
    public static Catalog of(Labs labs) {
        Catalog catalog = new Catalog();
        for (LabDefinition lab : labs.all()) {
            catalog.add(new Entry(lab.id(), lab.summary(), lab.spec(LabSettings.defaults()), lab.raceInMemory()));
        }
        return catalog;
    }

    /** The same entries, each on a simulated /dev/shm of {@code size}. */
    public Catalog withShmSize(ShmSize size) {
        Catalog sized = new Catalog();
        for (Entry e : entries.values()) {
            sized.add(new Entry(e.id(), e.title(), e.spec(), e.raceInMemory(), size == null ? ShmSize.NOMINAL : size));
        }
        return sized;
    }

    /** Adds (or replaces) an entry. */
    public Catalog add(Entry entry) {
        entries.put(entry.id(), entry);
        return this;
    }

    public List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    public Optional<Entry> byId(String id) {
        return Optional.ofNullable(entries.get(id));
    }
}
