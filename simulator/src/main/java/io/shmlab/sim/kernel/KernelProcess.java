package io.shmlab.sim.kernel;

import io.shmlab.api.Ending;
import io.shmlab.api.Signal;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A simulated process: pid, label, uid, its address space and descriptors, its console, and how it
 * ended. The thread running its program knows it as {@link #current()}.
 *
 * <p>A signal sent to it ({@link #signal}) is delivered at its next system call or memory access,
 * or at once if it is blocked (the wait is interrupted, as Linux interrupts it).
 */
public final class KernelProcess {
    private static final ThreadLocal<KernelProcess> CURRENT = new ThreadLocal<>();

    private final Kernel kernel;
    private final int pid;
    private final int parentPid;
    private final String label;
    private final int uid;
    private final AddressSpace space;
    private final DescriptorTable descriptors;
    private final Console console = new Console();
    private final ProcessInput input = new ProcessInput();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile ProcessState state = ProcessState.RUNNING;
    private volatile Ending ending;
    private volatile Signal pendingSignal;
    private volatile Thread thread;
    private volatile boolean ownThread;
    private volatile String currentCall;
    private volatile int umask = FileMode.DEFAULT_UMASK;

    KernelProcess(Kernel kernel, int pid, int parentPid, String label, int uid, AddressSpace space,
            DescriptorTable descriptors) {
        this.kernel = kernel;
        this.pid = pid;
        this.parentPid = parentPid;
        this.label = label;
        this.uid = uid;
        this.space = space;
        this.descriptors = descriptors;
    }

    /** The simulated process whose program runs on this thread, or null on any other thread. */
    public static KernelProcess current() {
        return CURRENT.get();
    }

    /** Makes this process the one running on the calling thread (its program's thread). */
    public void bindToCurrentThread() {
        CURRENT.set(this);
        thread = Thread.currentThread();
        ownThread = true;
    }

    /**
     * Notes the thread making a call, so that a signal can interrupt it when it blocks: for a process
     * whose calls come from the caller's own thread ({@code Machine.spawn()}).
     */
    public void noteCallingThread() {
        if (CURRENT.get() != this) {
            thread = Thread.currentThread();
        }
    }

    /** Forgets the binding of the calling thread. */
    public static void unbindCurrentThread() {
        CURRENT.remove();
    }

    public Kernel kernel() {
        return kernel;
    }

    public int pid() {
        return pid;
    }

    /** The parent's pid, or 0 for a process started by the machine. */
    public int parentPid() {
        return parentPid;
    }

    public String label() {
        return label;
    }

    public int uid() {
        return uid;
    }

    public AddressSpace space() {
        return space;
    }

    /** The file mode creation mask. */
    public int umask() {
        return umask;
    }

    /** Sets the file mode creation mask (its permission bits) and returns the previous one: models umask(2). */
    public int setUmask(int mask) {
        int previous = umask;
        umask = mask & 0777;
        return previous;
    }

    DescriptorTable descriptors() {
        return descriptors;
    }

    /** The objects its open descriptors refer to, as /proc/PID/fd would show them. */
    public java.util.List<MemoryObject> openObjects() {
        return descriptors.all().stream().map(OpenDescription::object).toList();
    }

    public Console console() {
        return console;
    }

    /** Its standard input. */
    public ProcessInput input() {
        return input;
    }

    public ProcessState state() {
        return state;
    }

    void setState(ProcessState newState) {
        state = newState;
    }

    /** The call it is in, as the trace prints it, or null between calls. */
    public String currentCall() {
        return currentCall;
    }

    public void setCurrentCall(String call) {
        currentCall = call;
    }

    /** True once it has ended. */
    public boolean ended() {
        return ending != null;
    }

    /** How it ended, or null while it runs. */
    public Ending ending() {
        return ending;
    }

    /** The status waitpid(2) reports: the exit status, or 128 + the signal number. */
    public int waitStatus() {
        Ending e = ending;
        if (e instanceof Ending.Exited x) {
            return x.status();
        }
        if (e instanceof Ending.Killed k) {
            return k.signal().exitStatus();
        }
        return Signal.SIGKILL.exitStatus();
    }

    /** Records the ending once; later calls are ignored. */
    synchronized boolean markEnded(Ending how) {
        if (ending != null) {
            return false;
        }
        ending = how;
        state = how instanceof Ending.Exited ? ProcessState.EXITED : ProcessState.KILLED;
        ended.countDown();
        return true;
    }

    /** Waits for the end, at most the timeout; empty if it is still running then. */
    public Optional<Ending> awaitEnd(java.time.Duration timeout) throws InterruptedException {
        if (ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.of(ending);
        }
        return Optional.empty();
    }

    /**
     * Sends a signal: it is delivered at the next call or memory access, and a blocked wait is
     * interrupted so that it is delivered at once.
     */
    public void signal(Signal signal) {
        if (ended()) {
            return;
        }
        pendingSignal = signal;
        Thread t = thread;
        // a caller's thread (spawn) is interrupted only while it is in one of this process's calls
        if (t != null && t != Thread.currentThread() && (ownThread || currentCall != null)) {
            t.interrupt();
        }
    }

    /** Delivers a pending signal: throws {@link ProcessKilled} if one was sent. */
    public void checkPendingSignal() {
        Signal s = pendingSignal;
        if (s != null && (Thread.currentThread() == thread || ended())) {
            throw new ProcessKilled(s);
        }
    }

    /** The signal sent and not yet delivered, or null. */
    public Signal pendingSignal() {
        return pendingSignal;
    }

    @Override
    public String toString() {
        return "process " + pid + (label == null ? "" : " (" + label + ")");
    }
}
