package student.ring;

import static io.shmlab.api.MapFlags.MAP_SHARED;
import static io.shmlab.api.OpenFlags.O_CREAT;
import static io.shmlab.api.OpenFlags.O_RDWR;
import static io.shmlab.api.Protection.PROT_READ;
import static io.shmlab.api.Protection.PROT_WRITE;

import io.shmlab.api.FinalCheck;
import io.shmlab.api.Mapping;
import io.shmlab.api.OpenFile;
import io.shmlab.api.Os;
import io.shmlab.api.Program;

/**
 * Exercise 4 with several producers and consumers: run it in {@code producers + consumers} processes.
 * Each process takes a role in the order it arrives (an atomic counter in the ring's object): the first
 * {@code producers} put {@code items} items each ({@code "p1-0"}, {@code "p1-1"}, ...), the others get
 * their share and count each item they got in the receipts. A consumer that gets something that was
 * never put exits with status 1; the final check (after every process exited) wants every item
 * received exactly once.
 *
 * <p>Arguments: {@code producers consumers items [name]}, such as {@code 2 2 1}.
 */
public class Ring implements Program, FinalCheck {
    private final int producers;
    private final int consumers;
    private final int items;
    private final String name;

    /** @param args {@code producers consumers items [name]} */
    public Ring(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("give producers, consumers and items per producer, such as 2 2 1");
        }
        producers = Integer.parseInt(args[0]);
        consumers = Integer.parseInt(args[1]);
        items = Integer.parseInt(args[2]);
        name = args.length > 3 ? args[3] : "/ring";
        if (producers < 1 || consumers < 1 || (producers * items) % consumers != 0
                || producers * items > RingLayout.RECEIPTS) {
            throw new IllegalArgumentException("cannot share " + producers + " x " + items + " items among "
                    + consumers + " consumers");
        }
    }

    /** The buffer this ring uses: {@link RingBuffer}, with its mutex. */
    protected RingBuffer buffer(Os os, Mapping ring) {
        return new RingBuffer(os, ring, name);
    }

    /** The name of the ring's object; its semaphores are named after it. */
    protected final String name() {
        return name;
    }

    @Override
    public int main(Os os) {
        Mapping ring = map(os, PROT_READ | PROT_WRITE);
        RingBuffer buffer = buffer(os, ring);
        int role = ring.getAndAddInt(RingLayout.ROLES_OFFSET, 1);
        if (role < producers) {
            for (int k = 0; k < items; k++) {
                buffer.put("p" + role + "-" + k);
            }
            return 0;
        }
        for (int k = 0; k < producers * items / consumers; k++) {
            String item = buffer.get();
            int index = indexOf(item);
            if (index < 0) {
                os.println("got '" + item + "', which nobody put");
                return 1;
            }
            ring.getAndAddInt(RingLayout.RECEIPTS_OFFSET + 4L * index, 1);
        }
        return 0;
    }

    /** Every item sent arrived exactly once. */
    @Override
    public void check(Os os) {
        Mapping ring = map(os, PROT_READ);
        for (int p = 0; p < producers; p++) {
            for (int k = 0; k < items; k++) {
                int received = ring.getInt(RingLayout.RECEIPTS_OFFSET + 4L * (p * items + k));
                if (received != 1) {
                    throw new AssertionError("item p" + p + "-" + k + " arrived " + received + " times");
                }
            }
        }
    }

    private Mapping map(Os os, int protection) {
        OpenFile fd = os.shmOpen(name, O_RDWR | O_CREAT, 0600);
        os.ftruncate(fd, RingLayout.SIZE);
        return os.mmap(RingLayout.SIZE, protection, MAP_SHARED, fd, 0);
    }

    /** The receipt number of an item "pP-K", or -1 when it is not one that was put. */
    private int indexOf(String item) {
        if (!item.matches("p\\d+-\\d+")) {
            return -1;
        }
        String[] parts = item.substring(1).split("-");
        int p = Integer.parseInt(parts[0]);
        int k = Integer.parseInt(parts[1]);
        return p < producers && k < items ? p * items + k : -1;
    }
}
