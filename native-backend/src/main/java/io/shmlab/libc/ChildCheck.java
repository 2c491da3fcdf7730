package io.shmlab.libc;

import io.shmlab.api.CheckVerdict;
import io.shmlab.api.FinalCheck;
import io.shmlab.api.ProgramSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A program's final check in a child JVM, for a run whose objects live where this JVM cannot reach
 * them (a {@link PrivateTmpfs}): the child enters the namespace, builds the program's class with its
 * arguments, and when it is a {@link FinalCheck} runs it on the native backend, printing one line:
 * {@code passed}, {@code failed DETAIL}, or {@code none} when the class has no check.
 *
 * <p>Usage: {@code java -cp ... io.shmlab.libc.ChildCheck CLASS [ARG...]}.
 */
public final class ChildCheck {
    private static final String PASSED = "passed";
    private static final String FAILED = "failed ";
    private static final String NONE = "none";

    private ChildCheck() {
    }

    /** Runs the check of the program named by {@code args[0]}, built with the rest as its arguments. */
    public static void main(String[] args) {
        ProgramSpec spec = new ProgramSpec(args[0], List.of(Arrays.copyOfRange(args, 1, args.length)));
        Object program;
        try {
            program = spec.construct(Class.forName(spec.className()));
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            System.out.println(FAILED + "cannot build " + spec.className() + " for its final check: " + e.getMessage());
            System.exit(0);
            return;
        }
        if (!(program instanceof FinalCheck check)) {
            System.out.println(NONE);
            System.exit(0);
            return;
        }
        CheckVerdict verdict = CheckVerdict.of(check, new NativeBackend().start().spawn());
        System.out.println(verdict.passed() ? PASSED : FAILED + verdict.detail());
        System.exit(0);
    }

    /** The verdict of the program's check, run in a child JVM inside the namespace; null when it has none. */
    static CheckVerdict run(ProgramSpec program, PrivateTmpfs tmpfs) {
        List<String> command = new ArrayList<>(ChildRun.jvm(program));
        command.add(ChildCheck.class.getName());
        command.add(program.className());
        command.addAll(program.args());
        try {
            Process child = new ProcessBuilder(tmpfs.enter(command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            child.getOutputStream().close();
            String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = child.waitFor();
            String last = said.lines().reduce((a, b) -> b).orElse("");
            if (last.equals(NONE)) {
                return null;
            }
            if (last.equals(PASSED)) {
                return CheckVerdict.pass();
            }
            if (last.startsWith(FAILED)) {
                return CheckVerdict.fail(last.substring(FAILED.length()));
            }
            return CheckVerdict.fail("the final check's JVM ended with status " + status + " without a verdict");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the final check of " + program.className(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckVerdict.fail("interrupted while the final check ran");
        }
    }
}
