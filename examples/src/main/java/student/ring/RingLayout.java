package student.ring;

/**
 * The shared object of the ring: Exercise 4's {@code struct ring_buffer} with small items, then what
 * the test harness keeps beside it (the role counter and the receipts).
 *
 * <pre>
 *   0                       ITEMS * ITEM_SIZE   +8      +16     +20
 *   +-----------------------+-------+-------+-------+----------------------------+
 *   | item_t data[ITEMS]    | first | last  | roles | receipts: int[RECEIPTS]    |
 *   | char[16] each         | size_t| size_t| int   | how often item i arrived   |
 *   +-----------------------+-------+-------+-------+----------------------------+
 * </pre>
 */
public final class RingLayout {
    /** MAX_ELEMENTS_PLUS_ONE: the ring holds one item less. */
    public static final int ITEMS = 4;
    /** {@code typedef char item_t[16]}. */
    public static final int ITEM_SIZE = 16;
    public static final int DATA_OFFSET = 0;
    public static final int FIRST_OFFSET = DATA_OFFSET + ITEMS * ITEM_SIZE;
    public static final int LAST_OFFSET = FIRST_OFFSET + 8;
    /** How many processes have taken a role so far. */
    public static final int ROLES_OFFSET = LAST_OFFSET + 8;
    /** One int per item a run sends: how many times a consumer got it. */
    public static final int RECEIPTS_OFFSET = ROLES_OFFSET + 4;
    /** The most items a run may send. */
    public static final int RECEIPTS = 64;
    public static final int SIZE = RECEIPTS_OFFSET + RECEIPTS * 4;

    private RingLayout() {
    }

    /** Where item slot {@code i} starts. */
    public static long slot(long i) {
        return DATA_OFFSET + i * ITEM_SIZE;
    }
}
