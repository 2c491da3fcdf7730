package io.shmlab.cli;

import io.shmlab.api.ProgramSpec;
import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.program.ProgramClasses;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A program of the user's own, taking the path a lab takes through the commands (a lab is a program
 * that ships with shmlab): a class on a class path, or one compiled from a single {@code .java} file,
 * with the arguments given after {@code --}. Its race may be anywhere: the scheduler switches at system
 * calls unless {@code --per-access} asks for memory accesses too. It declares no names of its own:
 * after a run on real processes the names its processes made are removed, and no other
 * ({@link io.shmlab.replay.CreatedNames}).
 *
 * @param spec the class name, its arguments and its class path
 * @param replayForm how the command line names it: the file, or {@code --class ... --classpath ...}
 */
record UserProgram(ProgramSpec spec, String replayForm) implements LabDefinition {

    /**
     * A program by class, checked now: found, a {@code Program}, with a usable constructor that does
     * not throw.
     *
     * @throws UsageError saying in one line what is wrong
     */
    static UserProgram of(ProgramSpec spec, String replayForm) {
        try {
            ProgramClasses.of(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        return new UserProgram(spec, replayForm);
    }

    /** The program's class name: what messages call it. */
    @Override
    public String id() {
        return spec.className();
    }

    @Override
    public String summary() {
        return "the program " + spec.className();
    }

    /** The control block of a replay on native is named after it. */
    @Override
    public String defaultName() {
        String simple = spec.className().substring(spec.className().lastIndexOf('.') + 1);
        return "/shmlab-" + simple.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean raceInMemory() {
        return false;
    }

    @Override
    public ProgramSpec spec(LabSettings settings) {
        return spec;
    }

    @Override
    public List<String> sharedNames(LabSettings settings) {
        return List.of();
    }

    /** The class path entries as absolute paths. */
    static List<Path> absolute(List<Path> classPath) {
        return classPath.stream().map(Path::toAbsolutePath).toList();
    }
}
