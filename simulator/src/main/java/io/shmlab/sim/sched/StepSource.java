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

    /** Packages whose frames are the machinery, not the program. */
    private static final String[] MACHINERY = {"io.shmlab.sim.", "io.shmlab.api.", "io.shmlab.libc.", "java.", "jdk.",
        "sun."};

    /**
     * The program's frame on the calling thread's stack, or null when none is (a step of the kernel
     * itself, such as a process's end).
     */
    static StepSource ofCaller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !machinery(f.getClassName()))
                .findFirst()
                .map(f -> new StepSource(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .orElse(null));
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
