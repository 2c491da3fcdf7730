package io.shmlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Machine;
import io.shmlab.cli.Console;
import io.shmlab.cli.Main;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.sched.Granularity;
import io.shmlab.sim.sched.RunSettings;
import io.shmlab.sim.sched.Schedule;
import io.shmlab.support.NativeHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code shmlab replay <lab> <token> --backend=native}, as a user types it. */
class ReplayCommandOnNativeTest {
    private Machine machine;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String name = "/" + ShmLeakCheck.RUN_TAG + "-replay-cli";

    @BeforeEach
    void boot() {
        machine = NativeHost.bootOrSkip();
    }

    @AfterEach
    void nothingIsLeft() {
        if (machine != null) {
            assertEquals(List.of(), machine.listShm().stream().filter(n -> n.contains(ShmLeakCheck.RUN_TAG + "-replay-cli")).toList());
        }
    }

    private int shmlab(String... args) {
        return Main.execute(args, new Console(new ByteArrayInputStream(new byte[0]), out, err));
    }

    @Test
    void theDeadlockIsReportedPerProcessAsOnTheSimulator() {
        String token = ReplayTokens.exercise5Deadlock(LabSettings.defaults().withName(name));
        int status = shmlab("replay", "ex5", token, "--backend=native", "--name=" + name);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text + err);
        assertTrue(text.contains("native (hang: every turn was taken; blocked for good: B in sem_wait)"), text);
        String nativePart = text.substring(text.indexOf("native (hang"));
        assertTrue(nativePart.matches("(?s).*A \\(pid \\d+\\): exited with status 0.*"), nativePart);
        assertTrue(nativePart.matches("(?s).*B \\(pid \\d+\\): blocked forever in sem_wait\\(0x[0-9a-f]+\\).*"), nativePart);
        assertTrue(nativePart.contains("DEADLOCK: 1 of 2 process(es) blocked forever"), nativePart);
    }

    @Test
    void aPerAccessTokenIsRefusedInOneLine() {
        String token = new Schedule(Granularity.ACCESS, 2, 0, RunSettings.DEFAULT_STEP_LIMIT, new int[0],
                Schedule.Generator.random(3, 0)).encode();
        int status = shmlab("replay", "ex1", token, "--backend=native", "--name=" + name);
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, error);
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.contains("on native: the schedule switches processes at single memory accesses"), error);
    }

    @Test
    void anExistingObjectOfTheLabIsNeverUsedNorRemoved() {
        var os = machine.spawn();
        var fd = os.shmOpen(name, io.shmlab.api.OpenFlags.O_RDWR | io.shmlab.api.OpenFlags.O_CREAT, 0600);
        os.close(fd);
        try {
            String token = ReplayTokens.random(Lab.EX5, LabSettings.defaults().withName(name), 2, 1, ReplayTokens::clean).get(0);
            int status = shmlab("replay", "ex5", token, "--backend=native", "--name=" + name);
            String error = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, status, error);
            assertTrue(error.contains("already exists; remove it first"), error);
            assertTrue(machine.listShm().contains(name.substring(1)));
        } finally {
            os.shmUnlink(name);
        }
    }
}
