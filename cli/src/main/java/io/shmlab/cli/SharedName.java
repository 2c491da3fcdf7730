package io.shmlab.cli;

import io.shmlab.api.ShmNamespace;

/**
 * Checks a name given with {@code --name} before any call is made: the course's rule for portable
 * names, one word after a slash ({@code /os_cp}). Linux accepts more (glibc strips leading slashes),
 * but a name such as {@code os_cp} or {@code /a/b} is almost always a typo here, and it is clearer to
 * say so than to let a call fail later with EINVAL.
 */
final class SharedName {

    private SharedName() {
    }

    /**
     * The name, if it is one word after a slash.
     *
     * @throws UsageError otherwise
     */
    static String check(String name) {
        if (name == null) {
            return null;
        }
        String why = null;
        if (!name.startsWith("/")) {
            why = "it must start with a slash";
        } else if (name.length() == 1) {
            why = "it needs a word after the slash";
        } else if (name.indexOf('/', 1) >= 0) {
            why = "it may hold only the leading slash";
        } else if (name.length() > ShmNamespace.SEMAPHORE_NAME_MAX) {
            why = "it is longer than " + (ShmNamespace.SEMAPHORE_NAME_MAX) + " characters";
        } else if (name.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            why = "it may not hold spaces or control characters";
        }
        if (why != null) {
            throw new UsageError("bad name '" + name + "': " + why + ", as in /os_cp");
        }
        return name;
    }
}
