package io.shmlab.sim.sched;

/**
 * Where in the program a traced step was made: the first frame of the program's own code on the
 * process's stack when it reached the scheduling point.
 *
 * @param className the class, fully qualified
 * @param method the method
 * @param file the source file's name ({@code Ex5.java}), or null when the class has none recorded
 * @param line the line, or -1 when unknown
 */
public record StepSource(String className, String method, String file, int line) {

    /** The frame that starts a process's program: nothing below it on the stack is the program. */
    private static final String PROGRAM_START = "io.shmlab.sim.ProgramRunner";

    /** Packages whose frames are the machinery, not the program. */
    private static final String[] MACHINERY = {"io.shmlab.sim.", "io.shmlab.api.", "io.shmlab.libc.", "java.", "jdk.",
        "sun."};

    /**
     * The program's frame on the calling thread's stack, or null when none is (a step of the kernel
     * itself, such as the exit after main returned). Only frames above the one that started the
     * program count: below it is whoever runs the simulation, which must not change a trace.
     */
    static StepSource ofCaller() {
        return StackWalker.getInstance().walk(frames -> frames
                .takeWhile(f -> !f.getClassName().equals(PROGRAM_START) && !processStart(f))
                .filter(f -> !machinery(f.getClassName()))
                .findFirst()
                .map(f -> new StepSource(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .orElse(null));
    }

    /** The scheduler's frame that runs a process's body, whatever the simulation. */
    private static boolean processStart(StackWalker.StackFrame f) {
        return f.getClassName().equals(ScheduledDispatcher.class.getName()) && f.getMethodName().equals("runProcess");
    }

    private static boolean machinery(String className) {
        for (String prefix : MACHINERY) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Ex5.java:42}. */
    @Override
    public String toString() {
        return (file == null ? className : file) + (line < 0 ? "" : ":" + line);
    }
}
