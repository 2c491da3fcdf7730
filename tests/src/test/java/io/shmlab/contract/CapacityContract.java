package io.shmlab.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * When /dev/shm is full: a tmpfs of 1 MiB (256 pages), whose pages are allocated on first touch, not by
 * ftruncate. Each case ({@link CapacityCases}) states what Linux does there, measured as root in a
 * private mount namespace; a subclass per backend runs it on an empty tmpfs of that size: the
 * simulator's, or (native) a real one, in a child JVM started inside a mount namespace of its own.
 */
public abstract class CapacityContract {

    /** Runs the case of {@link CapacityCases} with this name on an empty 1 MiB /dev/shm; fails as it fails. */
    protected abstract void run(String name) throws Exception;

    /** Whether the backend can fork(2). */
    protected abstract boolean canFork();

    @Test
    void ftruncateSetsASizeAndAllocatesNothing() throws Exception {
        run("ftruncateSetsASizeAndAllocatesNothing");
    }

    @Test
    void fallocateOfMoreThanTheTmpfsIsEnospcAndAllocatesNothing() throws Exception {
        run("fallocateOfMoreThanTheTmpfsIsEnospcAndAllocatesNothing");
    }

    @Test
    void fallocateOfLongMaxIsEnospcWithTheSizeUnchanged() throws Exception {
        run("fallocateOfLongMaxIsEnospcWithTheSizeUnchanged");
    }

    @Test
    void storesPageByPageFaultAtTheFirstPageTheTmpfsHasNoRoomFor() throws Exception {
        run("storesPageByPageFaultAtTheFirstPageTheTmpfsHasNoRoomFor");
    }

    @Test
    void aLoadOfAPageNeverTouchedIsASigbusWhenFull() throws Exception {
        run("aLoadOfAPageNeverTouchedIsASigbusWhenFull");
    }

    @Test
    void whenFullFtruncateAndShmOpenSucceedButSemOpenIsEnospc() throws Exception {
        run("whenFullFtruncateAndShmOpenSucceedButSemOpenIsEnospc");
    }

    @Test
    void aPrivateMappingsFirstAccessAllocatesTheObjectsPage() throws Exception {
        run("aPrivateMappingsFirstAccessAllocatesTheObjectsPage");
    }

    @Test
    void truncatingGivesThePagesBack() throws Exception {
        run("truncatingGivesThePagesBack");
    }

    @Test
    void unlinkGivesThePagesBackOnlyWhenNoDescriptorOrMappingIsLeft() throws Exception {
        run("unlinkGivesThePagesBackOnlyWhenNoDescriptorOrMappingIsLeft");
    }

    @Test
    void aBulkCopyThatRunsOutStoresNothing() throws Exception {
        run("aBulkCopyThatRunsOutStoresNothing");
    }

    @Test
    void aForkedChildMeetsTheSameFullTmpfs() throws Exception {
        assumeTrue(canFork(), "fork(2): a JVM cannot fork; the native backend has no fork");
        run("aForkedChildMeetsTheSameFullTmpfs");
    }
}
