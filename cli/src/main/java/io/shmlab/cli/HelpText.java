package io.shmlab.cli;

/** Text from elsewhere (a lab's summary or parameter) made safe for a picocli description. */
final class HelpText {

    private HelpText() {
    }

    /** The text as it is: picocli's format specifiers ({@code %}) and variables ({@code ${...}}) escaped. */
    static String literal(String text) {
        return text.replace("%", "%%").replace("${", "$${");
    }
}
