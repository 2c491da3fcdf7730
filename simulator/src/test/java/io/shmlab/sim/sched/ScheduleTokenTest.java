package io.shmlab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScheduleTokenTest {

    @Test
    void aTokenDecodesToTheScheduleItWasMadeFrom() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            int[] choices = new int[random.nextInt(200)];
            for (int j = 0; j < choices.length; j++) {
                choices[j] = random.nextInt(random.nextBoolean() ? 2 : 1000);
            }
            Schedule s = new Schedule(random.nextBoolean() ? Granularity.ACCESS : Granularity.SYSCALL,
                    1 + random.nextInt(1000), random.nextLong(), 1 + random.nextLong(1L << 40), choices);
            assertEquals(s, Schedule.decode(s.encode()));
        }
    }

    @Test
    void aTwoProcessScheduleOfFortyChoicesIsShort() {
        int[] choices = new int[40];
        choices[3] = 1;
        choices[17] = 1;
        String token = new Schedule(Granularity.SYSCALL, 2, 0, 100_000, choices).encode();
        assertTrue(token.length() <= 20, token);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @Test
    void aMalformedTokenIsRefusedWithAMessageSayingWhy() {
        String good = new Schedule(Granularity.SYSCALL, 2, 7, 100, new int[] {0, 1, 0}).encode();
        assertMessage("empty schedule token", "");
        assertMessage("bad base64", "not*base64");
        assertMessage("ends before its process count", enc(1, 0));
        assertMessage("of version 9", enc(9, 0, 2));
        assertMessage("unknown flags", enc(1, 32, 2));
        assertMessage("0 processes", enc(1, 0, 0, 0, 1, 0));
        assertMessage("ends inside choice 0", enc(1, 0, 2, 0, 1, 1));
        assertMessage("stray bytes", good + "AAAA");
    }

    @Test
    void spuriousEintrIsAFlagOfTheTokenAndAnOldTokenHasItOff() {
        Schedule with = new Schedule(Granularity.SYSCALL, 2, 7, 100, true, new int[] {0, 1, 0}, null);
        Schedule decoded = Schedule.decode(with.encode());
        assertTrue(decoded.spuriousEintr());
        assertEquals(with, decoded);
        Schedule without = Schedule.decode(new Schedule(Granularity.SYSCALL, 2, 7, 100, new int[] {0, 1, 0}).encode());
        assertFalse(without.spuriousEintr());
        assertNotEquals(with, without);
        assertTrue(RunSettings.of(decoded).spuriousEintr());
    }

    @Test
    void aShmSizeOtherThanTheNominalIsRecordedAndAnOldTokenHasTheNominal() {
        Schedule plain = new Schedule(Granularity.SYSCALL, 2, 7, 100, new int[] {0, 1, 0});
        Schedule small = plain.onShmSize(io.shmlab.api.ShmSize.parse("1m"));
        Schedule decoded = Schedule.decode(small.encode());
        assertEquals(256, decoded.shmSize().pages());
        assertEquals(small, decoded);
        assertNotEquals(plain, decoded);
        assertEquals(io.shmlab.api.ShmSize.NOMINAL, Schedule.decode(plain.encode()).shmSize());
        assertEquals(plain.encode(), plain.onShmSize(io.shmlab.api.ShmSize.NOMINAL).encode(),
                "the nominal size adds nothing to a token");
    }

    private static String enc(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void assertMessage(String expected, String token) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.decode(token));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aGeneratedScheduleIsAFewCharactersWhateverItsLength() {
        Schedule random = new Schedule(Granularity.SYSCALL, 1000, 5, 100_000, new int[20_000],
                Schedule.Generator.random(5, 0));
        assertTrue(random.encode().length() < 24, random.encode());
        assertEquals(random, Schedule.decode(random.encode()));
        Schedule pct = new Schedule(Granularity.ACCESS, 2, -3, 500, new int[0], Schedule.Generator.pct(-3, 12_345, 3, 77));
        assertEquals(pct, Schedule.decode(pct.encode()));
        assertEquals(Schedule.Generator.pct(-3, 12_345, 3, 77), Schedule.decode(pct.encode()).generator());
    }

    @Test
    void aTokenWithBothGeneratorFlagsIsRefused() {
        assertMessage("unknown flags 6", enc(1, 6, 2, 0, 1, 0, 0));
    }
}
