package io.shmlab.sim.program;

/**
 * One simulated process's copy of a program's classes: a class of the program's {@link CodeBase} is
 * defined here, from the code base's bytes, the first time the process needs it, so its static fields
 * belong to this process alone; every other class (the JDK, the api, the simulator, libraries) comes
 * from the parent and is shared.
 */
final class ProcessClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final CodeBase codeBase;

    ProcessClassLoader(ClassLoader parent, CodeBase codeBase) {
        super("shmlab-process", parent);
        this.codeBase = codeBase;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                byte[] file = codeBase.classFile(name).orElse(null);
                if (file == null) {
                    return super.loadClass(name, resolve);
                }
                type = defineClass(name, file, 0, file.length, codeBase.domain());
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }
}
