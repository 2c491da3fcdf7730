package io.shmlab.differential;

import static io.shmlab.api.OpenFlags.O_ACCMODE;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_EXCL;
import static io.shmlab.api.OpenFlags.O_RDONLY;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.OpenFlags.O_TRUNC;
import static io.shmlab.api.OpenFlags.O_WRONLY;

import io.shmlab.api.Limits;
import io.shmlab.api.MapFlags;
import io.shmlab.api.Protection;
import io.shmlab.api.SyncFlags;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random steps, biased toward the edges where kernels differ: sizes and offsets around page
 * boundaries and the object's end, huge and negative ones, bad flags, bad names, values at and past
 * SEM_VALUE_MAX, bad nanoseconds, handles used after close, unmap and destroy.
 *
 * <p>Left out on purpose: what would block for ever (sem_wait on zero; sem_timedwait on a sem_t whose
 * value word is not 4-byte aligned, which spins on Linux), huge anonymous or private writable
 * mappings and huge posix_fallocate lengths (whether they fit depends on the machine's memory), and
 * lengths near the top of the address space (whether they fit depends on what the JVM has mapped).
 */
final class Steps {
    private static final int PAGE = Limits.PAGE_SIZE;
    /** The largest length the kernel could ever map: 2^47, the whole user address space. */
    private static final long ADDRESS_SPACE = 1L << 47;

    private Steps() {
    }

    static Arbitrary<List<Step>> programs(int maxLength) {
        return step().list().ofMinSize(1).ofMaxSize(maxLength);
    }

    /**
     * Programs for a small /dev/shm: each starts by making an object of four pages and mapping it
     * shared and private, so that its random loads and stores are first touches of pages that may not
     * fit (the mappings are handles 0 and 1 of what the steps name by index).
     */
    static Arbitrary<List<Step>> smallTmpfsPrograms(int maxLength) {
        List<Step> preamble = List.of(new Step.ShmOpen(0, O_RDWR | O_CREAT, 0600), new Step.Ftruncate(0, 4L * PAGE),
                new Step.Mmap(0, 4L * PAGE, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_SHARED, 0),
                new Step.Mmap(0, 4L * PAGE, Protection.PROT_READ | Protection.PROT_WRITE, MapFlags.MAP_PRIVATE, 0));
        return programs(maxLength).map(steps -> {
            List<Step> program = new java.util.ArrayList<>(preamble);
            program.addAll(steps);
            return program;
        });
    }

    static Arbitrary<Step> step() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, shmOpen()),
                Tuple.of(1, name().map(Step.ShmUnlink::new)),
                Tuple.of(3, Combinators.combine(index(), length()).as(Step.Ftruncate::new)),
                Tuple.of(1, Combinators.combine(index(), offset(), size()).as(Step.Fallocate::new)),
                Tuple.of(1, index().map(Step.Fstat::new)),
                Tuple.of(1, index().map(Step.Close::new)),
                Tuple.of(1, Arbitraries.of(022, 0, 077, 0777, 0200).map(Step.Umask::new)),
                Tuple.of(1, Arbitraries.just(new Step.ListShm())),
                Tuple.of(4, Combinators.combine(index(), mapLength(), prot(), mapFlags(), mapOffset())
                        .as(Step.Mmap::new)),
                Tuple.of(1, Combinators.combine(size(), prot(), sharing()).as(Step.MmapAnonymous::new)),
                Tuple.of(1, index().map(Step.Munmap::new)),
                Tuple.of(1, Combinators.combine(index(), munmapOffset(), munmapLength()).as(Step.MunmapPart::new)),
                Tuple.of(1, Combinators.combine(index(), msyncOffset(), length(), msyncFlags()).as(Step.Msync::new)),
                Tuple.of(6, Combinators.combine(index(), offset(), width()).as(Step.Load::new)),
                Tuple.of(6, Combinators.combine(index(), offset(), width(), Arbitraries.longs()).as(Step.Store::new)),
                Tuple.of(1, Combinators.combine(index(), offset(), bulk()).as(Step.Copy::new)),
                Tuple.of(1, Combinators.combine(index(), offset(), bulk(), Arbitraries.bytes()).as(Step.Fill::new)),
                Tuple.of(2, Combinators.combine(index(), atomicOffset(4), Arbitraries.integers().between(-3, 3))
                        .as(Step.GetAndAdd::new)),
                Tuple.of(1, Combinators.combine(index(), atomicOffset(8), Arbitraries.longs().between(-3, 3))
                        .as(Step.GetAndAddLong::new)),
                Tuple.of(1, Combinators.combine(index(), atomicOffset(8), Arbitraries.of(0L, 1L, -1L), Arbitraries.longs())
                        .as(Step.CompareAndSetLong::new)),
                Tuple.of(3, semOpen()),
                Tuple.of(1, name().map(Step.SemUnlink::new)),
                Tuple.of(1, index().map(Step.SemClose::new)),
                Tuple.of(2, Combinators.combine(index(), semOffset(), semValue()).as(Step.SemInit::new)),
                Tuple.of(1, Combinators.combine(index(), semOffset()).as(Step.SemAt::new)),
                Tuple.of(1, index().map(Step.SemDestroy::new)),
                Tuple.of(2, index().map(Step.SemPost::new)),
                Tuple.of(2, index().map(Step.SemTrywait::new)),
                Tuple.of(1, Combinators.combine(index(), Arbitraries.of(0L, 0L, 1L, -1L, Long.MIN_VALUE),
                        Arbitraries.of(0L, 999_999_999L, 1_000_000_000L, -1L, Long.MAX_VALUE, Long.MIN_VALUE))
                        .as(Step.SemTimedwait::new)),
                Tuple.of(2, index().map(Step.SemGetvalue::new)));
    }

    private static Arbitrary<Step> shmOpen() {
        Arbitrary<Integer> access = Arbitraries.of(O_RDONLY, O_RDWR, O_WRONLY);
        Arbitrary<Integer> extra = Arbitraries.of(O_CREAT, O_CREAT, O_CREAT | O_EXCL, 0, O_TRUNC, O_CREAT | O_TRUNC,
                O_EXCL);
        return Combinators.combine(name(), access, extra, mode())
                .as((name, a, e, mode) -> new Step.ShmOpen(name, a | e, mode))
                .filter(s -> !opensADirectory(s))
                .map(s -> (Step) s);
    }

    /** The one shm_open left out: "." or ".." read-only opens a directory (see {@link Names#namesADirectory}). */
    private static boolean opensADirectory(Step.ShmOpen s) {
        return Names.namesADirectory(s.name()) && (s.flags() & (O_ACCMODE | O_CREAT | O_TRUNC)) == O_RDONLY;
    }

    private static Arbitrary<Step> semOpen() {
        return Combinators.combine(name(), Arbitraries.of(O_CREAT, O_CREAT, O_CREAT | O_EXCL, 0, O_EXCL), mode(),
                semValue()).as(Step.SemOpen::new);
    }

    /** Mostly the good names, sometimes one of the bad ones of {@link Names}. */
    private static Arbitrary<Integer> name() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, Names.GOOD - 1)),
                Tuple.of(1, Arbitraries.integers().between(Names.GOOD, Names.pool("p").size() - 1)));
    }

    private static Arbitrary<Integer> mode() {
        return Arbitraries.of(0600, 0600, 0400, 0644, 0, 0777);
    }

    private static Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 7);
    }

    private static Arbitrary<Long> size() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 100L, 1024L, PAGE - 1L, (long) PAGE, PAGE + 1L, 2L * PAGE, 3L * PAGE, -1L),
                Arbitraries.longs().between(1, 4L * PAGE));
    }

    /** A length for ftruncate and msync: the sizes, and huge and negative ones (a sparse object is free). */
    private static Arbitrary<Long> length() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, size()),
                Tuple.of(1, Arbitraries.of(1L << 40, Long.MAX_VALUE, Long.MAX_VALUE - 5, Long.MIN_VALUE, -(long) PAGE,
                        -8192L)));
    }

    /** A length for mmap: the sizes, and ones no address space holds. */
    private static Arbitrary<Long> mapLength() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, size()),
                Tuple.of(1, Arbitraries.of(ADDRESS_SPACE, ADDRESS_SPACE + PAGE, Long.MAX_VALUE, Long.MIN_VALUE)));
    }

    private static Arbitrary<Long> offset() {
        return Arbitraries.oneOf(
                Arbitraries.of(-1L, 0L, 1L, 1023L, 1024L, PAGE - 8L, PAGE - 1L, (long) PAGE, PAGE + 4L,
                        2L * PAGE, 3L * PAGE - 4, Long.MIN_VALUE, Long.MAX_VALUE),
                Arbitraries.longs().between(0, 4L * PAGE));
    }

    /** Offsets for atomics: mostly naturally aligned (a misaligned one is refused by both). */
    private static Arbitrary<Long> atomicOffset(int width) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, offset().map(o -> o & -(long) width)),
                Tuple.of(1, offset()));
    }

    private static Arbitrary<Integer> bulk() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, 7, PAGE - 1, PAGE, PAGE + 1),
                Arbitraries.integers().between(0, 2 * PAGE));
    }

    private static Arbitrary<Long> mapOffset() {
        return Arbitraries.of(0L, 0L, 0L, (long) PAGE, 2L * PAGE, 100L, -4096L, 1L << 40,
                Long.MAX_VALUE & -(long) PAGE, Long.MIN_VALUE);
    }

    private static Arbitrary<Long> msyncOffset() {
        return Arbitraries.of(0L, 0L, 1L, (long) PAGE, 2L * PAGE, -(long) PAGE, 100L);
    }

    private static Arbitrary<Integer> msyncFlags() {
        return Arbitraries.of(SyncFlags.MS_SYNC, SyncFlags.MS_ASYNC, 0, SyncFlags.MS_SYNC | SyncFlags.MS_ASYNC,
                SyncFlags.MS_INVALIDATE, SyncFlags.MS_SYNC | SyncFlags.MS_INVALIDATE, 0x100);
    }

    /**
     * Where a sem_t goes: 4-byte aligned (a misaligned value word would spin in sem_timedwait), at the
     * start, inside, at each offset near the end of a page where only some of its fields lie inside
     * the mapping or the object, and outside the mapping. Never with {@code data} across a cache
     * line: a locked instruction there is a split lock, which the kernel may slow down.
     */
    private static Arbitrary<Long> semOffset() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 32L, 64L, PAGE - 32L, PAGE - 24L, PAGE - 16L, PAGE - 12L, PAGE - 8L,
                        (long) PAGE, -32L, 2L * PAGE - 16, 2L * PAGE - 12, 2L * PAGE - 8),
                Arbitraries.longs().between(0, 3L * PAGE).map(o -> o & -8L));
    }

    private static Arbitrary<Integer> prot() {
        return Arbitraries.of(Protection.PROT_READ | Protection.PROT_WRITE, Protection.PROT_READ | Protection.PROT_WRITE,
                Protection.PROT_READ, Protection.PROT_WRITE, Protection.PROT_NONE);
    }

    /** Every combination of the flags the api knows, the valid ones more often. */
    private static Arbitrary<Integer> mapFlags() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(MapFlags.MAP_SHARED, MapFlags.MAP_SHARED, MapFlags.MAP_PRIVATE)),
                Tuple.of(2, Arbitraries.of(0, MapFlags.MAP_SHARED | MapFlags.MAP_PRIVATE)),
                Tuple.of(1, sharing().map(f -> f | MapFlags.MAP_ANONYMOUS)));
    }

    /** The sharing flags of anonymous memory: one of the two, both or neither. */
    private static Arbitrary<Integer> sharing() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(MapFlags.MAP_SHARED, MapFlags.MAP_PRIVATE)),
                Tuple.of(1, Arbitraries.of(0, MapFlags.MAP_SHARED | MapFlags.MAP_PRIVATE)));
    }

    /** Offsets of a partial munmap: page starts in and around a mapping, and unaligned ones. */
    private static Arbitrary<Long> munmapOffset() {
        return Arbitraries.of(0L, 0L, (long) PAGE, 2L * PAGE, 3L * PAGE, -(long) PAGE, 8L * PAGE, 1L, 100L);
    }

    /**
     * Lengths of a partial munmap: a page or a few, rounded up or not, 0, and ones past the address
     * space (never one that ends near its top, where the backends' addresses differ).
     */
    private static Arbitrary<Long> munmapLength() {
        return Arbitraries.of(1L, (long) PAGE, (long) PAGE, PAGE + 1L, 2L * PAGE, 3L * PAGE, 16L * PAGE, 0L, -1L,
                ADDRESS_SPACE, Long.MIN_VALUE);
    }

    private static Arbitrary<Integer> width() {
        return Arbitraries.of(1, 2, 4, 8);
    }

    private static Arbitrary<Long> semValue() {
        return Arbitraries.of(0L, 1L, 2L, (long) Limits.SEM_VALUE_MAX, Limits.SEM_VALUE_MAX + 1L, -1L, 1L << 32);
    }
}
