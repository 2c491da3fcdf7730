package io.shmlab.api;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds backends by name through {@link ServiceLoader}. */
public final class Backends {

    private Backends() {
    }

    /** Every backend on the class path, available here or not, in name order. */
    public static List<Backend> all() {
        List<Backend> found = new ArrayList<>();
        ServiceLoader.load(Backend.class).forEach(found::add);
        found.sort(java.util.Comparator.comparing(Backend::name));
        return found;
    }

    /**
     * The backend with this name.
     *
     * @throws BackendUnavailableException when no backend has the name (the message lists the known
     *     ones)
     */
    public static Backend get(String name) {
        List<Backend> all = all();
        for (Backend b : all) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        List<String> names = all.stream().map(Backend::name).toList();
        throw new BackendUnavailableException("unknown backend '" + name + "'; known backends: " + names);
    }
}
