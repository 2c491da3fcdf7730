package io.shmlab.differential;

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

/**
 * Random steps, biased toward the edges where kernels differ: sizes and offsets around page
 * boundaries and the object's end, bad flags, values at SEM_VALUE_MAX, bad nanoseconds.
 */
final class Steps {
    static final int NAMES = 3;
    private static final int PAGE = Limits.PAGE_SIZE;

    private Steps() {
    }

    static Arbitrary<List<Step>> programs(int maxLength) {
        return step().list().ofMinSize(1).ofMaxSize(maxLength);
    }

    static Arbitrary<Step> step() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, shmOpen()),
                net.jqwik.api.Tuple.of(1, index().map(Step.ShmUnlink::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(index(), size()).as(Step.Ftruncate::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(index(), offset(), size()).as(Step.Fallocate::new)),
                net.jqwik.api.Tuple.of(1, index().map(Step.Fstat::new)),
                net.jqwik.api.Tuple.of(1, index().map(Step.Close::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(index(), size(), prot(), mapFlags(), mapOffset())
                        .as(Step.Mmap::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(size(), prot()).as(Step.MmapAnonymous::new)),
                net.jqwik.api.Tuple.of(1, index().map(Step.Munmap::new)),
                net.jqwik.api.Tuple.of(6, Combinators.combine(index(), offset(), width()).as(Step.Load::new)),
                net.jqwik.api.Tuple.of(6, Combinators.combine(index(), offset(), width(),
                        Arbitraries.longs()).as(Step.Store::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(index(), offset().map(o -> o & ~3L),
                        Arbitraries.integers().between(-3, 3)).as(Step.GetAndAdd::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(index(), Arbitraries.of(0L, 1L, (long) PAGE),
                        size(), Arbitraries.of(SyncFlags.MS_SYNC, SyncFlags.MS_ASYNC, 0,
                                SyncFlags.MS_SYNC | SyncFlags.MS_ASYNC)).as(Step.Msync::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(index(),
                        Arbitraries.of(O_CREAT, O_CREAT | O_EXCL, 0), semValue()).as(Step.SemOpen::new)),
                net.jqwik.api.Tuple.of(1, index().map(Step.SemUnlink::new)),
                net.jqwik.api.Tuple.of(1, index().map(Step.SemClose::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(index(), Arbitraries.of(0L, 32L, 64L, (long) PAGE),
                        semValue()).as(Step.SemInit::new)),
                net.jqwik.api.Tuple.of(2, index().map(Step.SemPost::new)),
                net.jqwik.api.Tuple.of(2, index().map(Step.SemTrywait::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(index(),
                        Arbitraries.of(0L, 999_999_999L, 1_000_000_000L, -1L)).as(Step.SemTimedwait::new)),
                net.jqwik.api.Tuple.of(2, index().map(Step.SemGetvalue::new)));
    }

    private static Arbitrary<Step> shmOpen() {
        Arbitrary<Integer> access = Arbitraries.of(O_RDONLY, O_RDWR, O_WRONLY);
        Arbitrary<Integer> extra = Arbitraries.of(O_CREAT, O_CREAT, O_CREAT | O_EXCL, 0, O_TRUNC, O_CREAT | O_TRUNC);
        return Combinators.combine(Arbitraries.integers().between(0, NAMES - 1), access, extra,
                Arbitraries.of(0600, 0400, 0644))
                .as((name, a, e, mode) -> new Step.ShmOpen(name, a | e, mode));
    }

    private static Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 7);
    }

    private static Arbitrary<Long> size() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 100L, 1024L, PAGE - 1L, (long) PAGE, PAGE + 1L, 2L * PAGE, 3L * PAGE, -1L),
                Arbitraries.longs().between(1, 4L * PAGE));
    }

    private static Arbitrary<Long> offset() {
        return Arbitraries.oneOf(
                Arbitraries.of(-1L, 0L, 1L, 1023L, 1024L, PAGE - 8L, PAGE - 1L, (long) PAGE, PAGE + 4L,
                        2L * PAGE, 3L * PAGE - 4),
                Arbitraries.longs().between(0, 4L * PAGE));
    }

    private static Arbitrary<Long> mapOffset() {
        return Arbitraries.of(0L, 0L, 0L, (long) PAGE, 100L, -4096L);
    }

    private static Arbitrary<Integer> prot() {
        return Arbitraries.of(Protection.PROT_READ | Protection.PROT_WRITE, Protection.PROT_READ | Protection.PROT_WRITE,
                Protection.PROT_READ, Protection.PROT_WRITE, Protection.PROT_NONE);
    }

    private static Arbitrary<Integer> mapFlags() {
        return Arbitraries.of(MapFlags.MAP_SHARED, MapFlags.MAP_SHARED, MapFlags.MAP_PRIVATE, 0);
    }

    private static Arbitrary<Integer> width() {
        return Arbitraries.of(1, 2, 4, 8);
    }

    private static Arbitrary<Long> semValue() {
        return Arbitraries.of(0L, 1L, 2L, (long) Limits.SEM_VALUE_MAX, Limits.SEM_VALUE_MAX + 1L);
    }
}
