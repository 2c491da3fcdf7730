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
}
