package io.shmlab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CNumbersTest {

    /** Expected values printed by glibc 2.36's atoi on x86_64. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12|12", "'  -7x'|-7", "+3|3", "' 99999999999'|1215752191", "-99999999999|-1215752191",
        "abc|0", "''|0", "4294967297|1", "-2147483649|2147483647", "99999999999999999999999|-1"})
    void atoiReadsAsGlibcDoes(String text, int expected) {
        assertEquals(expected, CNumbers.atoi(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|'abc' is not a number: atoi reads it as 0, as in the C program",
        "99999999999|99999999999 does not fit in an int: atoi gives 1215752191, as in the C program",
        "12abc|atoi reads '12abc' as 12 and ignores the rest, as in the C program"})
    void whatAtoiDoesUnexpectedlyIsSaid(String text, String said) {
        assertEquals(said, CNumbers.atoiSurprise(text));
    }

    @ParameterizedTest
    @CsvSource({"12", "' -7'", "2147483647", "-2147483648"})
    void aPlainNumberNeedsNoWord(String text) {
        assertEquals(null, CNumbers.atoiSurprise(text));
    }
}
