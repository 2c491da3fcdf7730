package io.shmlab.cli;

import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.LabParameter;
import io.shmlab.labs.LabSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options that change a lab: {@code --name} for every lab, and one option for each
 * {@link LabParameter} that one of the command's labs takes ({@code --delay-init} is Exercise 5's,
 * {@code --capacity} Exercise 4's, {@code --fallocate} shm-full's), its help made of what each such lab
 * says it does.
 */
final class LabOptions {
    private static final int MAX_CAPACITY = 999_999;

    private final OptionSpec name;
    private final OptionSpec delayInit;
    private final OptionSpec capacity;
    private final OptionSpec fallocate;

    private LabOptions(OptionSpec name, OptionSpec delayInit, OptionSpec capacity, OptionSpec fallocate) {
        this.name = name;
        this.delayInit = delayInit;
        this.capacity = capacity;
        this.fallocate = fallocate;
    }

    /**
     * Adds the options of these labs to the command's spec.
     *
     * @param realProcesses whether the command runs real processes: {@code --delay-init}, which only
     *     makes a race show in real time, is offered only then
     */
    static LabOptions declare(CommandSpec spec, List<? extends LabDefinition> labs, boolean realProcesses) {
        String defaultName = labs.size() == 1 ? " (default " + labs.get(0).defaultName() + ")"
                : " (default: the exercise's own, e.g. " + labs.get(0).defaultName() + ")";
        OptionSpec name = add(spec, OptionSpec.builder("--name").paramLabel("/NAME").type(String.class)
                .description(HelpText.literal("the shared object's or semaphore's name" + defaultName)));
        String delayHelp = realProcesses ? help(labs, LabParameter.DELAY_INIT) : null;
        OptionSpec delayInit = delayHelp == null ? null : add(spec, OptionSpec.builder("--delay-init")
                .paramLabel("DURATION").type(Duration.class).converters(new DurationConverter()).description(delayHelp));
        String capacityHelp = help(labs, LabParameter.CAPACITY);
        OptionSpec capacity = capacityHelp == null ? null : add(spec, OptionSpec.builder("--capacity").paramLabel("N")
                .type(int.class).defaultValue(Integer.toString(LabSettings.defaults().capacity())).description(capacityHelp));
        String fallocateHelp = help(labs, LabParameter.FALLOCATE);
        OptionSpec fallocate = fallocateHelp == null ? null : add(spec, OptionSpec.builder("--fallocate").arity("0")
                .type(boolean.class).description(fallocateHelp));
        return new LabOptions(name, delayInit, capacity, fallocate);
    }

    private static OptionSpec add(CommandSpec spec, OptionSpec.Builder option) {
        OptionSpec built = option.build();
        spec.addOption(built);
        return built;
    }

    /** What the labs taking the parameter say it does, or {@code null} when none takes it. */
    private static String help(List<? extends LabDefinition> labs, LabParameter parameter) {
        List<String> lines = labs.stream().map(l -> l.parameters().get(parameter)).filter(Objects::nonNull).toList();
        return lines.isEmpty() ? null : lines.stream().map(HelpText::literal).collect(Collectors.joining("; "));
    }

    /**
     * The settings the user gave for what the command runs, checked: a program of one's own takes none
     * of the labs' options (it names its objects itself, and takes its arguments after {@code --}).
     */
    LabSettings settings(LabDefinition chosen) {
        if (chosen instanceof UserProgram) {
            for (OptionSpec option : new OptionSpec[] {name, delayInit, capacity, fallocate}) {
                if (option != null && !option.originalStringValues().isEmpty()) {
                    throw new UsageError(option.longestName() + " is an option of the labs; a program of your own"
                            + " takes its arguments after --");
                }
            }
            return LabSettings.defaults();
        }
        return settings();
    }

    /** The settings the user gave, checked. */
    LabSettings settings() {
        LabSettings settings = LabSettings.defaults();
        if (capacity != null) {
            int items = capacity.getValue();
            if (items < 1 || items > MAX_CAPACITY) {
                throw new UsageError("--capacity=" + items + ": a ring buffer holds 1 to " + MAX_CAPACITY + " items");
            }
            settings = settings.withCapacity(items);
        }
        settings = settings.withName(SharedName.check(name.getValue()));
        if (fallocate != null && Boolean.TRUE.equals(fallocate.getValue())) {
            settings = settings.withFallocate(true);
        }
        Duration delay = delayInit == null ? null : delayInit.getValue();
        return delay == null ? settings : settings.withDelayInit(delay);
    }
}
