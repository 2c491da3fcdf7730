package io.shmlab.labs;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shmlab.api.Ending;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.ProgramSpec;
import io.shmlab.api.RunOptions;
import io.shmlab.api.RunReport;
import io.shmlab.sim.SimMachine;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link RingBuffer}'s items: cut or zero-padded to item_t on put, whole on both kinds of get. */
class RingBufferItemsTest {

    /** Checks in one simulated process; exits 0 when every check held, else the number of the first that failed. */
    public static final class Checks implements Program {
        @Override
        public int main(Os os) {
            RingBufferLayout layout = RingBufferLayout.forCapacity(3);
            OpenFile fd = os.shmOpen("/items", O_RDWR | O_CREAT, 0600);
            os.ftruncate(fd, layout.size());
            Mapping mapping = os.mmap(layout.size(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            RingBuffer buffer = new RingBuffer(mapping, layout);
            int n = RingBufferLayout.ITEM_SIZE;
            byte[] into = new byte[n];
            Arrays.fill(into, (byte) 7);
            if (buffer.get(into) || into[0] != 7 || buffer.get() != null) {
                return 1; // empty: nothing taken, the array untouched
            }
            byte[] longer = new byte[n + 44];
            Arrays.fill(longer, (byte) 5);
            byte[] shorter = {1, 2, 3};
            mapping.fill(0, layout.size() - 16, (byte) 9); // stale bytes the short item must overwrite
            if (!buffer.put(longer) || !buffer.put(shorter) || !buffer.put(longer)) {
                return 2;
            }
            if (buffer.put(shorter)) {
                return 3; // full
            }
            byte[] cut = new byte[n];
            Arrays.fill(cut, (byte) 5);
            if (!buffer.get(into) || !Arrays.equals(cut, into)) {
                return 4;
            }
            byte[] padded = Arrays.copyOf(shorter, n);
            if (!Arrays.equals(padded, buffer.get())) {
                return 5;
            }
            byte[] roomy = new byte[n + 10];
            if (!buffer.get(roomy) || !Arrays.equals(cut, Arrays.copyOf(roomy, n)) || roomy[n] != 0) {
                return 6;
            }
            try {
                buffer.get(new byte[n - 1]);
                return 7;
            } catch (IllegalArgumentException expected) {
                // an item_t does not fit
            }
            return 0;
        }
    }

    @Test
    void itemsAreWholeItemTsEitherWay() {
        try (SimMachine machine = SimMachine.builder().seed(1).build()) {
            RunReport report = machine.run(ProgramSpec.of(Checks.class), RunOptions.of(1).withSeed(1));
            assertEquals(new Ending.Exited(0), report.processes().get(0).ending(), report::toString);
        }
    }
}
