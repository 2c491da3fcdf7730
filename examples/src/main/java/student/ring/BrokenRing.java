package student.ring;

import io.shmlab.api.Mapping;
import io.shmlab.api.Os;

/** {@link Ring} on the {@link UnlockedRingBuffer}: correct with one producer, racy with two. */
public final class BrokenRing extends Ring {

    /** @param args {@code producers consumers items [name]} */
    public BrokenRing(String[] args) {
        super(args);
    }

    @Override
    protected RingBuffer buffer(Os os, Mapping ring) {
        return new UnlockedRingBuffer(os, ring, name());
    }
}
