package io.shmlab.reduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.Program;
import io.shmlab.api.ShmSize;
import io.shmlab.labs.Lab;
import io.shmlab.labs.LabSettings;
import io.shmlab.sim.sched.Granularity;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The partial-order reduction is sound, checked rather than assumed: each program is explored
 * completely twice, by plain DFS (every schedule) and with DPOR, and both must find the same set of
 * distinct outcomes ({@link FinalStateSimulation}: every process's ending and output, every object's
 * bytes, semaphores' values included), with DPOR never running more schedules. DPOR is checked both
 * as {@code explore} runs it (split into subtrees, on two threads) and as one search of the whole tree
 * (where the reversal of races does all the work); both run one schedule per class, so the same
 * number. The corpus: the labs,
 * random multi-process programs ({@link RandomProgram}) with objects, mappings, plain and atomic
 * accesses, shrinks, semaphores, sleeps, timed waits and exits, and random programs of several
 * posters and waiters on one semaphore ({@link SemaphoreProgram}: post, wait, trywait, timed waits
 * that time out, getvalue), which check how the reduction treats a semaphore's count, and programs that run a small /dev/shm out of space
 * ({@link CapacityProgram}: first touches, posix_fallocate, a semaphore's file, and releases).
 *
 * <p>Where plain DFS takes minutes or more (ex1 switching at every access, ex4, the labs in three
 * processes), the build checks that every outcome of plain DFS within 2 preemptions is among DPOR's
 * (DPOR only ever runs real schedules, so a missing outcome is the unsoundness to catch);
 * {@code -Pstress} compares those plain DFS can finish in full, and the rest against 3 preemptions.
 */
class DporSoundnessTest {

    /** Plain DFS must finish a case within this many schedules (about a second). */
    private static final long PLAIN_BUDGET = 20_000;

    private static void assertSameOutcomes(String what, FinalStateSimulation simulation, int processes,
            Granularity granularity, long plainBudget) {
        Outcomes plain = Outcomes.explore(simulation, processes, granularity, false, plainBudget);
        assertTrue(plain.complete(), what + ": plain DFS did not finish within " + plainBudget + " schedules");
        Outcomes reduced = Outcomes.explore(simulation, processes, granularity, true, Long.MAX_VALUE);
        assertEquals(plain.outcomes(), reduced.outcomes(), what + ": the outcomes differ");
        assertTrue(reduced.schedules() <= plain.schedules(),
                what + ": DPOR ran " + reduced.schedules() + " schedules, plain DFS " + plain.schedules());
        Outcomes whole = Outcomes.exploreWholeTree(simulation, processes, granularity);
        assertEquals(plain.outcomes(), whole.outcomes(), what + ": the outcomes of DPOR over the whole tree differ");
        assertEquals(reduced.schedules(), whole.schedules(), what + ": one schedule per class, split or not");
    }

    private static void assertCoversBoundedSearch(String what, FinalStateSimulation simulation, int processes,
            Granularity granularity) {
        assertCoversBoundedSearch(what, simulation, processes, granularity, 2);
    }

    private static void assertCoversBoundedSearch(String what, FinalStateSimulation simulation, int processes,
            Granularity granularity, int preemptions) {
        assertCoversBoundedSearch(what, simulation, processes, granularity, preemptions, true);
    }

    /**
     * @param sameCount whether the split search and the search of the whole tree must run as many
     *     schedules: so where the dependence of two steps is a relation on what they are; two charges of
     *     /dev/shm's pages commute or not by the room they left, which the order before them decides,
     *     so a search split at other points may run one schedule more or fewer (the outcomes are the same)
     */
    private static void assertCoversBoundedSearch(String what, FinalStateSimulation simulation, int processes,
            Granularity granularity, int preemptions, boolean sameCount) {
        Outcomes bounded = Outcomes.exploreBounded(simulation, processes, granularity, preemptions, Long.MAX_VALUE);
        Outcomes reduced = Outcomes.explore(simulation, processes, granularity, true, Long.MAX_VALUE);
        assertTrue(reduced.complete(), what);
        Outcomes whole = Outcomes.exploreWholeTree(simulation, processes, granularity);
        for (String outcome : bounded.outcomes()) {
            assertTrue(reduced.outcomes().contains(outcome), what + ": DPOR missed an outcome of plain DFS:\n" + outcome);
            assertTrue(whole.outcomes().contains(outcome), what + ": DPOR over the whole tree missed an outcome of plain"
                    + " DFS:\n" + outcome);
        }
        if (sameCount) {
            assertEquals(reduced.schedules(), whole.schedules(), what + ": one schedule per class, split or not");
        }
    }

    private static FinalStateSimulation lab(Lab lab) {
        return new FinalStateSimulation(i -> lab.spec(LabSettings.defaults()).instantiate());
    }

    private static Granularity granularity(Lab lab) {
        return lab.raceInMemory() ? Granularity.ACCESS : Granularity.SYSCALL;
    }

    @ParameterizedTest
    @ValueSource(strings = {"EX2", "EX3", "EX5", "EX5_FIXED"})
    void labsInTwoProcessesHaveTheSameOutcomes(String name) {
        Lab lab = Lab.valueOf(name);
        assertSameOutcomes(name + " in 2 processes", lab(lab), 2, granularity(lab), 100_000);
    }

    @Test
    void exerciseOneSwitchingAtEveryAccessFindsEveryOutcomeOfTheBoundedSearch() {
        assertCoversBoundedSearch("EX1 in 2 processes", lab(Lab.EX1), 2, Granularity.ACCESS);
    }

    @Test
    void exerciseFourInTwoProcessesFindsEveryOutcomeOfTheBoundedSearch() {
        assertCoversBoundedSearch("EX4 in 2 processes", lab(Lab.EX4), 2, Granularity.SYSCALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EX3", "EX5"})
    void exercisesThreeAndFiveInThreeProcessesFindEveryOutcomeOfTheBoundedSearch(String name) {
        assertCoversBoundedSearch(name + " in 3 processes", lab(Lab.valueOf(name)), 3, Granularity.SYSCALL);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 7, 8, 101, 102, 103, 104})
    void randomProgramsInTwoProcessesHaveTheSameOutcomes(long seed) {
        IntFunction<Program> programs = i -> new RandomProgram(seed, i, 4);
        assertSameOutcomes("random program " + seed, new FinalStateSimulation(programs), 2, Granularity.SYSCALL,
                PLAIN_BUDGET);
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104, 105, 106})
    void randomProgramsInThreeProcessesFindEveryOutcomeOfTheBoundedSearch(long seed) {
        IntFunction<Program> programs = i -> new RandomProgram(seed, i, 2);
        assertCoversBoundedSearch("random program " + seed, new FinalStateSimulation(programs), 3, Granularity.SYSCALL);
    }

    @ParameterizedTest
    @ValueSource(longs = {201, 202, 203, 204, 205, 206})
    void randomProgramsSwitchingAtEveryAccessHaveTheSameOutcomes(long seed) {
        IntFunction<Program> programs = i -> new RandomProgram(seed, i, 3);
        assertSameOutcomes("random program " + seed + " per access", new FinalStateSimulation(programs), 2,
                Granularity.ACCESS, PLAIN_BUDGET);
    }

    @ParameterizedTest
    @CsvSource({"TOUCHES, SYSCALL", "TOUCHES, ACCESS", "LOADS_AND_STORES, ACCESS", "FALLOCATE_AND_TOUCH, SYSCALL",
        "FALLOCATE_AND_TOUCH, ACCESS", "SHRINK_GIVES_BACK, SYSCALL", "SHRINK_GIVES_BACK, ACCESS",
        "SEMAPHORE_AND_TOUCH, SYSCALL", "SEMAPHORE_AND_TOUCH, ACCESS", "UNLINKED_OBJECT_ENDS, SYSCALL",
        "PRIVATE_MAPPINGS, ACCESS"})
    void programsThatRunASmallTmpfsOutOfSpaceHaveTheSameOutcomes(CapacityProgram.Scenario scenario,
            Granularity granularity) {
        FinalStateSimulation simulation = new FinalStateSimulation(i -> new CapacityProgram(scenario, i),
                ShmSize.ofPages(CapacityProgram.TMPFS_PAGES));
        assertSameOutcomes(scenario + " at " + granularity, simulation, 2, granularity, PLAIN_BUDGET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOUCHES", "FALLOCATE_AND_TOUCH", "SEMAPHORE_AND_TOUCH"})
    void programsThatRunASmallTmpfsOutOfSpaceInThreeProcessesFindEveryOutcomeOfTheBoundedSearch(
            CapacityProgram.Scenario scenario) {
        FinalStateSimulation simulation = new FinalStateSimulation(i -> new CapacityProgram(scenario, i % 2),
                ShmSize.ofPages(CapacityProgram.TMPFS_PAGES));
        assertCoversBoundedSearch(scenario + " in 3 processes", simulation, 3, Granularity.SYSCALL, 2, false);
    }

    @Test
    void firstTouchesThatAllFitCommute() {
        FinalStateSimulation roomy = new FinalStateSimulation(i -> new CapacityProgram(CapacityProgram.Scenario.TOUCHES, i),
                ShmSize.ofPages(64));
        Outcomes plain = Outcomes.explore(roomy, 2, Granularity.ACCESS, false, PLAIN_BUDGET);
        Outcomes reduced = Outcomes.explore(roomy, 2, Granularity.ACCESS, true, Long.MAX_VALUE);
        assertEquals(plain.outcomes(), reduced.outcomes());
        assertEquals(1, reduced.outcomes().size(), "every first touch fits: one outcome");
        assertTrue(reduced.schedules() < plain.schedules(), "charges that fit commute: DPOR ran " + reduced.schedules()
                + " schedules, plain DFS " + plain.schedules());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void namedSemaphoreProgramsInTwoProcessesHaveTheSameOutcomes(long seed) {
        IntFunction<Program> programs = i -> new SemaphoreProgram(seed, i, 4, false, false);
        assertSameOutcomes("semaphore program " + seed, new FinalStateSimulation(programs), 2, Granularity.SYSCALL,
                PLAIN_BUDGET);
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45, 46, 47, 48, 49, 50})
    void semaphoreInAnObjectProgramsInTwoProcessesHaveTheSameOutcomes(long seed) {
        IntFunction<Program> programs = i -> new SemaphoreProgram(seed, i, 2, true, false);
        assertSameOutcomes("semaphore program " + seed + " in an object", new FinalStateSimulation(programs), 2,
                Granularity.SYSCALL, PLAIN_BUDGET);
    }

    /** Three processes of one step each: about 35,000 schedules of plain DFS, a few seconds. */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void semaphoreProgramsInThreeProcessesHaveTheSameOutcomes(long seed) {
        IntFunction<Program> programs = i -> new SemaphoreProgram(seed, i, 1, false, true);
        assertSameOutcomes("semaphore program " + seed + " in 3 processes", new FinalStateSimulation(programs), 3,
                Granularity.SYSCALL, 50_000);
    }

    /** The labs in three processes, and ex1 in two at every access: minutes of plain DFS each, so under -Pstress only. */
    @Tag("explore")
    @ParameterizedTest
    @CsvSource({"EX1, 2", "EX3, 3", "EX5, 3", "EX5_FIXED, 3", "EX2, 3"})
    void labsHaveTheSameOutcomesInFull(String name, int processes) {
        Lab lab = Lab.valueOf(name);
        assertSameOutcomes(name + " in " + processes + " processes", lab(lab), processes, granularity(lab),
                Long.MAX_VALUE);
    }

    /** Ex4 and ex1 in three processes: out of reach of plain DFS in full, so against 3 preemptions, under -Pstress. */
    @Tag("explore")
    @ParameterizedTest
    @CsvSource({"EX4, 3", "EX1, 3", "EX4, 2"})
    void labsFindEveryOutcomeOfTheSearchWithThreePreemptions(String name, int processes) {
        Lab lab = Lab.valueOf(name);
        assertCoversBoundedSearch(name + " in " + processes + " processes", lab(lab), processes, granularity(lab), 3);
    }
}
