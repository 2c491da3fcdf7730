package io.shmlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.api.Ending;
import io.shmlab.api.Machine;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.libc.turns.Verdict;
import io.shmlab.support.NativeHost;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How often Exercise 5's deadlocking schedule, forced on real processes, hangs the way the simulator
 * says (B blocked in sem_wait, A exited 0). A measurement, not a CI test: it runs only when asked,
 * {@code mvn -pl tests -am verify -Dtest=DeadlockReproductionMeasurement -Dshmlab.replay.measure=100},
 * prints the figure, and fails below 99 in 100.
 */
@EnabledIfSystemProperty(named = "shmlab.replay.measure", matches = "[0-9]+")
class DeadlockReproductionMeasurement {

    @Test
    void exercise5sDeadlockReproduces() {
        Machine host = NativeHost.bootOrSkip();
        int runs = Integer.parseInt(System.getProperty("shmlab.replay.measure"));
        LabSettings settings = LabSettings.defaults().withName("/" + ShmLeakCheck.RUN_TAG + "-measure-ex5");
        String token = ReplayTokens.exercise5Deadlock(settings);
        int reproduced = 0;
        long started = System.nanoTime();
        for (int run = 0; run < runs; run++) {
            NativeReplay.Replay replay = NativeReplay.replay(Lab.EX5, settings, token, Duration.ofSeconds(60));
            var processes = replay.real().report().processes();
            boolean same = replay.real().verdict() == Verdict.HANG
                    && processes.get(0).ending().equals(new Ending.Exited(0))
                    && processes.get(1).ending() instanceof Ending.Blocked b && b.call().startsWith("sem_wait(");
            if (same) {
                reproduced++;
            } else {
                System.out.println("run " + run + " differs: " + replay.real().detail() + " " + processes);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Exercise 5's deadlock %s on native: reproduced %d of %d runs (%.1f s, %.2f s a run)%n",
                token, reproduced, runs, seconds, seconds / runs);
        try (host) {
            assertEquals(List.of(), host.listShm().stream().filter(n -> n.contains(ShmLeakCheck.RUN_TAG)).toList());
        }
        assertEquals(true, reproduced * 100 >= runs * 99, reproduced + " of " + runs);
    }
}
