package io.shmlab.cli;

import io.shmlab.labs.Lab;

/** Resolves the lab a user typed, with one clear line when there is no such lab. */
final class LabChoice {

    private LabChoice() {
    }

    static Lab resolve(String id) {
        return Lab.byId(id).orElseThrow(() -> new UsageError(
                "unknown lab '" + id + "'; labs are " + String.join(", ", Lab.ids()) + " (see shmlab labs)"));
    }
}
