package io.shmlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class (see junit-platform.properties: classes are ordered by
 * {@link Order}) and checks that the suite left nothing of its own in /dev/shm.
 */
@Order(Integer.MAX_VALUE)
class ShmLeakTest {

    @Test
    void suiteLeavesNothingInDevShm() {
        List<String> left = ShmLeakCheck.leftBehind();
        assertEquals(List.of(), left, "objects the suite made and left in /dev/shm; ordered by "
                + ClassOrderer.OrderAnnotation.class.getSimpleName());
    }
}
