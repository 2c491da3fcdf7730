package io.shmlab.cli;

import io.shmlab.labs.LabDefinition;
import io.shmlab.labs.Labs;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The {@code <lab>} argument: the labs of the registry, and one clear line when there is no such lab. */
final class LabChoice {
    private final Labs labs;
    private final PositionalParamSpec parameter;

    private LabChoice(Labs labs, PositionalParamSpec parameter) {
        this.labs = labs;
        this.parameter = parameter;
    }

    /** Adds {@code <lab>} as the command's first argument, its help listing the labs. */
    static LabChoice declare(CommandSpec spec, Labs labs) {
        PositionalParamSpec parameter = PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("<lab>").type(String.class)
                .description(HelpText.literal(inWords(labs.ids()) + " (see shmlab labs)")).build();
        spec.addPositional(parameter);
        return new LabChoice(labs, parameter);
    }

    /** The lab the user named. */
    LabDefinition resolve() {
        return resolve(labs, parameter.getValue());
    }

    /** The lab named {@code id}; a usage error naming every lab when there is none. */
    static LabDefinition resolve(Labs labs, String id) {
        return labs.byId(id).orElseThrow(() -> new UsageError(
                "unknown lab '" + id + "'; labs are " + String.join(", ", labs.ids()) + " (see shmlab labs)"));
    }

    /** {@code a, b or c}. */
    static String inWords(List<String> words) {
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
