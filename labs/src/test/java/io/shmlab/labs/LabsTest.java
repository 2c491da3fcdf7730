package io.shmlab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.ProgramSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabsTest {

    /** A lab that only has a name. */
    private record Named(String id) implements LabDefinition {
        @Override
        public String summary() {
            return id;
        }

        @Override
        public String defaultName() {
            return "/" + id;
        }

        @Override
        public boolean raceInMemory() {
            return false;
        }

        @Override
        public ProgramSpec spec(LabSettings settings) {
            return ProgramSpec.of(Exercise5Fixed.class, name(settings));
        }
    }

    @Test
    void theCourseListsItsExercisesInOrder() {
        assertEquals(List.of("ex1", "ex2", "ex3", "ex4", "ex5", "ex5-fixed", "shm-full"), Labs.course().ids());
    }

    @Test
    void aLabIsFoundByIdIgnoringCase() {
        assertSame(Lab.EX5_FIXED, Labs.course().byId("EX5-Fixed").orElseThrow());
        assertTrue(Labs.course().byId("ex9").isEmpty());
    }

    @Test
    void anAddedLabComesLastAndLeavesTheCourseAsItWas() {
        Labs more = Labs.course().with(new Named("mine"));
        assertEquals("mine", more.all().get(7).id());
        assertEquals("mine", more.byId("MINE").orElseThrow().id());
        assertEquals(7, Labs.course().all().size());
    }

    @Test
    void anIdIsOneLowerCaseWordNotTaken() {
        assertThrows(IllegalArgumentException.class, () -> Labs.course().with(new Named("ex5")));
        assertThrows(IllegalArgumentException.class, () -> Labs.course().with(new Named("Mine")));
        assertThrows(IllegalArgumentException.class, () -> Labs.course().with(new Named("my lab")));
        assertThrows(IllegalArgumentException.class, () -> Labs.course().with(new Named("")));
    }

    @Test
    void onlyExercise4TakesACapacityAndOnlyExercise5ADelay() {
        for (Lab lab : Lab.values()) {
            assertEquals(lab == Lab.EX4, lab.parameters().containsKey(LabParameter.CAPACITY), lab.id());
            assertEquals(lab == Lab.EX5, lab.parameters().containsKey(LabParameter.DELAY_INIT), lab.id());
        }
    }

    @Test
    void aLabsNameIsTheUsersOrItsDefault() {
        assertEquals("/myData", Lab.EX5.name(LabSettings.defaults()));
        assertEquals("/mine", Lab.EX5.name(LabSettings.defaults().withName("/mine")));
        assertEquals(List.of("/ex3"), Lab.EX3.semaphoreNames(LabSettings.defaults()));
        assertEquals(List.of("/myData"), Lab.EX5.existingNames(List.of("myData", "sem.other"), LabSettings.defaults()));
    }
}
