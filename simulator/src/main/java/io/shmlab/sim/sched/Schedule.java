package io.shmlab.sim.sched;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * A run's schedule as a short printable token: everything {@link Replayer} needs to run it again,
 * step for step.
 *
 * <p>What it holds: the process count, the granularity, the machine seed (the address-space layout),
 * the step limit, and the choices made at the scheduling points where more than one process could
 * run, each as a position in the {@linkplain ChoicePoint#position rotated order} (0 = the process that
 * reached the point goes on). Points with a single enabled process are not recorded: replay finds them
 * again by running the same deterministic program.
 *
 * <p>The token is URL-safe base64 (no padding) of these bytes:
 * <pre>
 *   +---------+-------+-----------+-----------+------------+-----------+------------------------+
 *   | version | flags | processes | seed      | step limit | choices n | n Elias-gamma codes of |
 *   | 1 byte  | 1 byte| varint    | zigzag    | varint     | varint    | position + 1, MSB first|
 *   |         |       |           | varint    |            |           | zero-padded to a byte  |
 *   +---------+-------+-----------+-----------+------------+-----------+------------------------+
 *   flags bit 0: per-access granularity
 * </pre>
 * A position 0 costs one bit and positions 1 and 2 three bits each, so a two-process schedule of forty
 * choices fits in a dozen characters or so.
 */
public final class Schedule {

    private static final int VERSION = 1;
    private static final int FLAG_ACCESS = 1;

    private final Granularity granularity;
    private final int processes;
    private final long seed;
    private final long stepLimit;
    private final int[] choices;

    /**
     * @param choices the positions chosen at points with more than one enabled process, in order
     */
    public Schedule(Granularity granularity, int processes, long seed, long stepLimit, int[] choices) {
        if (granularity == null) {
            throw new IllegalArgumentException("granularity=null");
        }
        if (processes < 1) {
            throw new IllegalArgumentException("processes=" + processes);
        }
        if (stepLimit < 1) {
            throw new IllegalArgumentException("stepLimit=" + stepLimit);
        }
        for (int c : choices) {
            if (c < 0) {
                throw new IllegalArgumentException("choice=" + c);
            }
        }
        this.granularity = granularity;
        this.processes = processes;
        this.seed = seed;
        this.stepLimit = stepLimit;
        this.choices = choices.clone();
    }

    /** Scheduled at system calls or also at memory accesses. */
    public Granularity granularity() {
        return granularity;
    }

    /** How many processes the run started with. */
    public int processes() {
        return processes;
    }

    /** The machine seed (address-space layout). */
    public long seed() {
        return seed;
    }

    /** The step limit the run had. */
    public long stepLimit() {
        return stepLimit;
    }

    /** How many choices it records. */
    public int choiceCount() {
        return choices.length;
    }

    /** The i-th choice: a position in the rotated order. */
    public int choice(int i) {
        return choices[i];
    }

    /** How many of the choices switch away from the process that reached the point (or start one). */
    public int switches() {
        int n = 0;
        for (int c : choices) {
            if (c != 0) {
                n++;
            }
        }
        return n;
    }

    /** The token. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + choices.length / 4);
        out.write(VERSION);
        out.write(granularity == Granularity.ACCESS ? FLAG_ACCESS : 0);
        writeVarint(out, processes);
        writeVarint(out, (seed << 1) ^ (seed >> 63));
        writeVarint(out, stepLimit);
        writeVarint(out, choices.length);
        int acc = 0;
        int bits = 0;
        for (int c : choices) {
            long code = c + 1L;
            int width = 64 - Long.numberOfLeadingZeros(code);
            for (int i = 0; i < 2 * width - 1; i++) {
                int bit = i < width - 1 ? 0 : (int) (code >>> (2 * width - 2 - i)) & 1;
                acc = (acc << 1) | bit;
                if (++bits == 8) {
                    out.write(acc);
                    acc = 0;
                    bits = 0;
                }
            }
        }
        if (bits > 0) {
            out.write(acc << (8 - bits));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * Reads a token.
     *
     * @throws IllegalArgumentException when it is not a token this version wrote, saying what is wrong
     */
    public static Schedule decode(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("empty schedule token");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a schedule token (bad base64: " + e.getMessage() + "): " + token, e);
        }
        Reader in = new Reader(bytes, token);
        int version = in.nextByte("version");
        if (version != VERSION) {
            throw new IllegalArgumentException("schedule token of version " + version + ", this shmlab reads version "
                    + VERSION + ": " + token);
        }
        int flags = in.nextByte("flags");
        if ((flags & ~FLAG_ACCESS) != 0) {
            throw new IllegalArgumentException("schedule token with unknown flags " + flags + ": " + token);
        }
        long processes = in.varint("process count");
        long zigzag = in.varint("seed");
        long seed = (zigzag >>> 1) ^ -(zigzag & 1);
        long stepLimit = in.varint("step limit");
        long count = in.varint("choice count");
        if (processes < 1 || processes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("schedule token with " + processes + " processes: " + token);
        }
        if (stepLimit < 1) {
            throw new IllegalArgumentException("schedule token with step limit " + stepLimit + ": " + token);
        }
        if (count > 8L * bytes.length) {
            throw new IllegalArgumentException("schedule token claims " + count + " choices in " + bytes.length
                    + " bytes: " + token);
        }
        int[] choices = new int[(int) count];
        for (int i = 0; i < count; i++) {
            choices[i] = in.gamma(i) - 1;
        }
        in.expectPaddingOnly();
        return new Schedule(
                (flags & FLAG_ACCESS) != 0 ? Granularity.ACCESS : Granularity.SYSCALL,
                (int) processes, seed, stepLimit, choices);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.granularity == granularity && s.processes == processes && s.seed == seed
                && s.stepLimit == stepLimit && Arrays.equals(s.choices, choices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(choices) * 31 + processes;
    }

    @Override
    public String toString() {
        return encode();
    }

    /** Reads bytes, then bits, of a token, failing with a message that names what was missing. */
    private static final class Reader {
        private final byte[] bytes;
        private final String token;
        private int pos;
        private int bit;

        Reader(byte[] bytes, String token) {
            this.bytes = bytes;
            this.token = token;
        }

        int nextByte(String what) {
            if (pos >= bytes.length) {
                throw new IllegalArgumentException("schedule token ends before its " + what + ": " + token);
            }
            return bytes[pos++] & 0xFF;
        }

        long varint(String what) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = nextByte(what);
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("schedule token has an overlong " + what + ": " + token);
        }

        private int nextBit(int choice) {
            if (pos >= bytes.length) {
                throw new IllegalArgumentException("schedule token ends inside choice " + choice + ": " + token);
            }
            int b = (bytes[pos] >> (7 - bit)) & 1;
            if (++bit == 8) {
                bit = 0;
                pos++;
            }
            return b;
        }

        int gamma(int choice) {
            int zeros = 0;
            while (nextBit(choice) == 0) {
                if (++zeros > 30) {
                    throw new IllegalArgumentException("schedule token has a malformed choice " + choice + ": " + token);
                }
            }
            int value = 1;
            for (int i = 0; i < zeros; i++) {
                value = (value << 1) | nextBit(choice);
            }
            return value;
        }

        void expectPaddingOnly() {
            if (bit != 0) {
                int rest = bytes[pos] & (0xFF >> bit);
                if (rest != 0) {
                    throw new IllegalArgumentException("schedule token has stray bits after its choices: " + token);
                }
                pos++;
            }
            if (pos != bytes.length) {
                throw new IllegalArgumentException("schedule token has " + (bytes.length - pos)
                        + " stray bytes after its choices: " + token);
            }
        }
    }
}
