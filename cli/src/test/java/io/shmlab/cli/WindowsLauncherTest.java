package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code shmlab.cmd}, the Windows launcher, read as text (no Windows runs the suite): it does what the
 * bash launcher does, builds through the wrapper the same way, runs the same jar, and keeps to the
 * parts of cmd.exe that cannot go wrong quietly.
 */
class WindowsLauncherTest {
    private static final String CMD = Checkout.read("shmlab.cmd");
    private static final String BASH = Checkout.read("shmlab");

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), () -> "no match for " + regex);
        return m.group(1);
    }

    /** cmd.exe misreads labels and goto in a file with bare LF line ends; .gitattributes keeps CRLF. */
    @ParameterizedTest
    @ValueSource(strings = {"shmlab.cmd", "mvnw.cmd"})
    void everyLineEndsWithCrLf(String file) {
        String text = Checkout.read(file);
        assertTrue(text.endsWith("\r\n"), file);
        assertFalse(text.replace("\r\n", "").contains("\n"), file + " has a line ending in LF alone");
    }

    @Test
    void buildsThroughTheWrapperAsTheBashLauncherDoes() {
        String cmdBuild = group(CMD, "^call \"%SHMLAB_ROOT%mvnw\\.cmd\" ([^>\\r]*?) *>");
        String bashBuild = group(BASH, "sh \\./mvnw ([^>]*?) *>");
        assertEquals(bashBuild, cmdBuild);
        assertTrue(cmdBuild.contains("-pl cli -am package"), cmdBuild);
    }

    @Test
    void runsTheJarTheBashLauncherRuns() {
        String cmdJar = group(CMD, "^set \"SHMLAB_JAR=%SHMLAB_ROOT%([^\"]*)\"");
        String bashJar = group(BASH, "^jar=\"\\$root/([^\"]*)\"");
        assertEquals(bashJar, cmdJar.replace('\\', '/'));
    }

    @Test
    void everyGotoHasItsLabel() {
        Set<String> labels = new TreeSet<>();
        Matcher label = Pattern.compile("(?m)^:(\\w+)\\r?$").matcher(CMD);
        while (label.find()) {
            labels.add(label.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher jump = Pattern.compile("(?i)\\bgoto :?(\\w+)").matcher(CMD);
        int jumps = 0;
        while (jump.find()) {
            jumps++;
            assertTrue(labels.contains(jump.group(1).toLowerCase(Locale.ROOT)), "goto " + jump.group(1) + " has no label");
        }
        assertTrue(jumps > 0);
    }

    /**
     * A parenthesised block expands its variables when it is read: a JAVA_HOME such as
     * {@code C:\Program Files (x86)\...} would close it early. One-line ifs and labels instead.
     */
    @Test
    void hasNoParenthesisedBlocks() {
        for (String line : CMD.split("\r\n")) {
            assertFalse(line.stripTrailing().endsWith("(") || line.strip().startsWith(")"), line);
        }
    }

    @Test
    void keepsItsVariablesToItselfAndReturnsToItsCaller() {
        List<String> lines = List.of(CMD.split("\r\n"));
        assertEquals("@echo off", lines.get(0));
        assertTrue(lines.contains("setlocal"));
        // without call, control passes to mvnw.cmd and never comes back to run the jar
        assertTrue(CMD.contains("\r\ncall \"%SHMLAB_ROOT%mvnw.cmd\" "));
        // exit without /b would close the student's Command Prompt window
        assertFalse(Pattern.compile("(?im)\\bexit(?! /b)").matcher(CMD).find());
    }
}
