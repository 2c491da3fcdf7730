package io.shmlab.web.serve;

import io.shmlab.api.ProgramSpec;
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
     */
    public record Entry(String id, String title, ProgramSpec spec, boolean raceInMemory) {
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
