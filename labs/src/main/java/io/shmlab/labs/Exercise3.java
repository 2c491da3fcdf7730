package io.shmlab.labs;

import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;

import io.shmlab.api.Errno;
import io.shmlab.api.Os;
import io.shmlab.api.PosixException;
import io.shmlab.api.Program;
import io.shmlab.api.Semaphore;
import java.util.Locale;

/**
 * Exercise 3: a program that creates a named semaphore with value 0 and waits on it, and a program
 * that opens it and posts it. A C program using the same name joins either side (glibc keeps it as
 * {@code /dev/shm/sem.NAME}).
 *
 * <pre>
 * C (the exercise's answer)                          Java (this class)
 * // wait                                            // Role.WAIT
 * sem_t *s = sem_open("/ex3", O_CREAT, 0600, 0);     Semaphore s = os.semOpen(name, O_CREAT, 0600, 0);
 * sem_wait(s);                                       os.semWait(s);
 * sem_close(s); sem_unlink("/ex3");                  os.semClose(s); os.semUnlink(name);
 * // post                                            // Role.POST
 * sem_t *s = sem_open("/ex3", 0);                    Semaphore s = os.semOpen(name, 0);
 * sem_post(s);                                       os.semPost(s);
 * sem_close(s);                                      os.semClose(s);
 * </pre>
 * A third role, {@code auto}, for runs of several identical processes: the one that creates the
 * semaphore ({@code O_CREAT|O_EXCL}) waits, every other one posts; it leaves the name in place, so
 * that a late poster always finds it.
 *
 * <p>Arguments: {@code wait|post|auto [name [ask]]}; the name defaults to {@code /ex3}; with
 * {@code ask} the program waits for a line of input before it acts ("press Enter to post") and
 * again before it ends, so that a terminal session starts it early and lets the user choose both
 * moments.
 */
public final class Exercise3 implements Program {
    /** The default semaphore name. */
    public static final String DEFAULT_NAME = "/ex3";

    /** Which side of the exercise a process plays. */
    public enum Role {
        /** Create with value 0, wait, then remove the name. */
        WAIT,
        /** Open the existing semaphore and post it. */
        POST,
        /** Wait if this process created it, post otherwise. */
        AUTO
    }

    private final Role role;
    private final String name;
    private final boolean ask;

    /** @param args {@code wait|post|auto [name [ask]]} */
    public Exercise3(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("Exercise 3 needs a role: wait, post or auto");
        }
        this.role = parseRole(args[0]);
        this.name = args.length > 1 ? args[1] : DEFAULT_NAME;
        this.ask = args.length > 2 && args[2].equals("ask");
        if (args.length > 2 && !ask) {
            throw new IllegalArgumentException("unknown third argument '" + args[2] + "'; only 'ask' is known");
        }
    }

    /** The role by its lower-case name. */
    public static Role parseRole(String text) {
        try {
            return Role.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "'; roles are wait, post, auto", e);
        }
    }

    @Override
    public int main(Os os) {
        if (ask) {
            os.println("press Enter to " + role.name().toLowerCase(Locale.ROOT) + " " + name);
            os.print("> ");
            if (os.readLine() == null) {
                return 0;
            }
        }
        switch (role) {
            case WAIT -> {
                Semaphore sem = os.semOpen(name, O_CREAT, 0600, 0);
                waitOn(os, sem);
                os.semClose(sem);
                os.semUnlink(name);
            }
            case POST -> post(os, os.semOpen(name, 0));
            case AUTO -> {
                Semaphore created;
                try {
                    created = os.semOpen(name, O_CREAT | O_EXCL, 0600, 0);
                } catch (PosixException e) {
                    if (e.errno() != Errno.EEXIST) {
                        throw e;
                    }
                    post(os, os.semOpen(name, 0));
                    return 0;
                }
                waitOn(os, created);
                os.semClose(created);
            }
            default -> throw new IllegalStateException("role=" + role);
        }
        if (ask) {
            os.println("done; press Enter to end");
            os.print("> ");
            os.readLine();
        }
        return 0;
    }

    private void waitOn(Os os, Semaphore sem) {
        os.println("waiting on " + name);
        os.semWait(sem);
        os.println("woken up: " + name + " was posted");
    }

    private void post(Os os, Semaphore sem) {
        os.semPost(sem);
        os.println("posted " + name);
        os.semClose(sem);
    }
}
