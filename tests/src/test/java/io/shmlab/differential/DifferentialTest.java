package io.shmlab.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.api.Machine;
import io.shmlab.api.ShmSize;
import io.shmlab.contract.ShmLeakCheck;
import io.shmlab.libc.NativeBackend;
import io.shmlab.sim.SimMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator against the real kernel: random programs of shared memory, mapping, memory and
 * semaphore steps run on both from the same (empty) start, and every step must end the same way
 * (value, errno, fault kind, bytes). jqwik shrinks a disagreement to a minimal program. The
 * simulated process runs as the same user as the real one, so permissions are judged alike. The
 * steps (see {@link Steps}) include bad names, bad sizes and offsets, bad flags and values, and
 * handles used after close, munmap and destroy; the native backend must survive them all.
 */
@AddLifecycleHook(BothBackends.class)
class DifferentialTest {
    /** The tag of the tests that draw new random cases at every run. */
    static final String EXPLORE = "explore";
    private static final Logger LOG = LoggerFactory.getLogger(DifferentialTest.class);
    private static final String PREFIX = ShmLeakCheck.RUN_TAG + "-d";
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static final AtomicLong STEPS = new AtomicLong();
    private static Machine sim;
    private static Machine real;
    private static KernelInTmpfs smallKernel;
    /** Steps of the small-tmpfs programs that met a full tmpfs: a SIGBUS for no space, an ENOSPC. */
    private static final AtomicLong NO_SPACE = new AtomicLong();
    private static final AtomicLong ENOSPC = new AtomicLong();

    @BeforeContainer
    static void boot() {
        if (BothBackends.missing() == null) {
            real = new NativeBackend().boot();
            int uid = real.spawn().uid();
            sim = SimMachine.builder().defaultUid(uid).build();
        }
    }

    @AfterContainer
    static void shutDown() {
        if (smallKernel != null) {
            smallKernel.close();
            smallKernel = null;
            LOG.info("in a small tmpfs: {} SIGBUS for no space, {} ENOSPC", NO_SPACE.get(), ENOSPC.get());
            if (NO_SPACE.get() == 0 || ENOSPC.get() == 0) {
                throw new AssertionError("the small-tmpfs programs never ran out of space: " + NO_SPACE.get()
                        + " SIGBUS for no space, " + ENOSPC.get() + " ENOSPC");
            }
        }
        if (sim != null) {
            // the leak check of the contract suite may run before this engine: check here too
            List<String> left = real.listShm().stream().filter(n -> n.contains(PREFIX)).toList();
            sim.close();
            real.close();
            if (!left.isEmpty()) {
                throw new AssertionError("the differential programs left these in /dev/shm: " + left);
            }
            LOG.info("compared {} programs, {} steps, on the simulator and the kernel", TRIES.get(), STEPS.get());
        }
    }

    @Provide
    Arbitrary<List<Step>> programs() {
        return Steps.programs(30);
    }

    /**
     * The programs of every build: always the same 5,000, so that a build's outcome depends on the
     * code alone. (A disagreement that {@link #simulatorAndKernelAgreeOnNewPrograms} finds is settled
     * with a C program and becomes a contract case.)
     */
    @Property(tries = 5000, seed = "20261126")
    void simulatorAndKernelAgreeOnEveryStep(@ForAll("programs") List<Step> program) {
        agree(program);
    }

    /**
     * New programs at every run, for the search to go on: tagged {@value #EXPLORE}, which the build
     * leaves out and {@code mvn -B verify -Pstress} runs. jqwik prints the seed of a failure.
     */
    @Property(tries = 5000)
    @Tag(EXPLORE)
    void simulatorAndKernelAgreeOnNewPrograms(@ForAll("programs") List<Step> program) {
        agree(program);
    }

    @Provide
    Arbitrary<List<Step>> smallTmpfsPrograms() {
        return Steps.smallTmpfsPrograms(30);
    }

    @Provide
    Arbitrary<Integer> tmpfsPages() {
        return Arbitraries.integers().between(1, 3);
    }

    /**
     * A subset of programs in a small /dev/shm (1 to 3 pages), where first touches run out of space:
     * the simulator's machine of that capacity against the kernel in a child JVM inside a mount namespace
     * with a tmpfs of that size, remounted between programs ({@link KernelInTmpfs}). Skipped where such
     * a tmpfs cannot be had.
     */
    @Property(tries = 400, seed = "20261127")
    @AddLifecycleHook(SmallTmpfs.class)
    void simulatorAndKernelAgreeInASmallTmpfs(@ForAll("smallTmpfsPrograms") List<Step> program, @ForAll("tmpfsPages") int pages) {
        if (smallKernel == null) {
            smallKernel = KernelInTmpfs.start();
        }
        String prefix = PREFIX + TRIES.incrementAndGet();
        List<String> simulated = new ArrayList<>();
        List<String> kernel = new ArrayList<>();
        assertEquals("ok", smallKernel.resize(pages), "mount -o remount,size= of the kernel's tmpfs");
        int uid = real.spawn().uid();
        try (SimMachine small = SimMachine.builder().defaultUid(uid).shmSize(ShmSize.ofPages(pages)).build();
                World s = new World(small, prefix)) {
            smallKernel.begin(prefix);
            try {
                for (Step step : program) {
                    String outcome = s.apply(step);
                    simulated.add(step + " -> " + outcome);
                    kernel.add(step + " -> " + smallKernel.apply(step));
                    STEPS.incrementAndGet();
                    if (outcome.contains("NO_SPACE")) {
                        NO_SPACE.incrementAndGet();
                    } else if (outcome.equals("ENOSPC")) {
                        ENOSPC.incrementAndGet();
                    }
                    assertEquals(kernel, simulated, "in a tmpfs of " + pages + " page(s), the simulator disagrees with"
                            + " the kernel at the last step");
                }
            } finally {
                smallKernel.end();
            }
        }
    }

    private static void agree(List<Step> program) {
        String prefix = PREFIX + TRIES.incrementAndGet();
        List<String> simulated = new ArrayList<>();
        List<String> kernel = new ArrayList<>();
        try (World s = new World(sim, prefix); World k = new World(real, prefix)) {
            for (Step step : program) {
                simulated.add(step + " -> " + s.apply(step));
                kernel.add(step + " -> " + k.apply(step));
                STEPS.incrementAndGet();
                assertEquals(kernel, simulated, "the simulator disagrees with the kernel at the last step");
            }
        }
    }
}
