package io.shmlab.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line of a child JVM: the backend's settings go with it, the rest of this JVM's do not. */
class ChildRunCommandTest {
    private static final String UNRELATED = "shmlab.test.unrelated";

    @AfterEach
    void clear() {
        System.clearProperty(NativeSettings.SEMAPHORE_SPINS);
        System.clearProperty(UNRELATED);
    }

    @Test
    void theBackendsSettingsArePassedOnBeforeTheMainClassAndTheChildsOwnOptionsAfterThem() {
        System.setProperty(NativeSettings.SEMAPHORE_SPINS, "0");
        System.setProperty(UNRELATED, "x");
        ChildRun run = new ChildRun(new ProgramSpec("some.Program", List.of("arg")), RunOptions.of(1),
                i -> List.of("-Dchild=" + i));
        List<String> command = run.command(0);
        int setting = command.indexOf("-D" + NativeSettings.SEMAPHORE_SPINS + "=0");
        int own = command.indexOf("-Dchild=0");
        int main = command.indexOf(ChildMain.class.getName());
        assertTrue(setting > 0 && setting < own && own < main, command.toString());
        assertFalse(command.stream().anyMatch(o -> o.contains(UNRELATED)), command.toString());
        assertEquals(List.of("some.Program", "arg"), command.subList(main + 1, command.size()));
    }
}
