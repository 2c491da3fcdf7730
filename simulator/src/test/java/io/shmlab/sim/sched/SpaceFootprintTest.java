package io.shmlab.sim.sched;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.sim.kernel.SpaceUse;
import org.junit.jupiter.api.Test;

/**
 * What the space of /dev/shm adds to a step's footprint, and which steps it makes dependent: touches of
 * different kinds always; two refusals, or two releases, never; two charges only when they might not
 * both fit in either order.
 */
class SpaceFootprintTest {

    private static StepFootprint step(Object... touches) {
        FootprintRecorder recorder = new FootprintRecorder();
        for (int i = 0; i < touches.length; i += 3) {
            recorder.space((SpaceUse) touches[i], (Integer) touches[i + 1], (Integer) touches[i + 2]);
        }
        return recorder.take();
    }

    @Test
    void chargesWithRoomForBothCommute() {
        // free 10: one takes 1 (9 left), the other 2 (7 left after both): 1 + 2 fits in either order
        assertFalse(step(SpaceUse.CHARGED, 1, 9).dependsOn(step(SpaceUse.CHARGED, 2, 7)));
    }

    @Test
    void chargesThatEachFitAloneButNotTogetherAreDependent() {
        // both told from a free count of 4: one takes 1, the other 4; in either order one is refused
        assertTrue(step(SpaceUse.CHARGED, 1, 3).dependsOn(step(SpaceUse.CHARGED, 4, 0)));
    }

    @Test
    void aRefusalIsDependentWithEveryChargeAndRelease() {
        StepFootprint refused = step(SpaceUse.REFUSED, 2, 1);
        assertTrue(refused.dependsOn(step(SpaceUse.CHARGED, 1, 1000)));
        assertTrue(refused.dependsOn(step(SpaceUse.RELEASED, 1, 2)));
        assertFalse(refused.dependsOn(step(SpaceUse.REFUSED, 5, 1)));
    }

    @Test
    void aReleaseIsDependentWithEveryChargeButNotAnotherRelease() {
        StepFootprint released = step(SpaceUse.RELEASED, 3, 5);
        assertTrue(released.dependsOn(step(SpaceUse.CHARGED, 1, 1000)));
        assertFalse(released.dependsOn(step(SpaceUse.RELEASED, 1, 6)));
    }

    @Test
    void aStepsChargesAddUpToOneEntryLeavingItsFewestFree() {
        StepFootprint three = step(SpaceUse.CHARGED, 1, 9, SpaceUse.CHARGED, 1, 8, SpaceUse.CHARGED, 1, 7);
        assertTrue(three.toString().contains("3 page(s), 7 left"), three.toString());
        assertFalse(three.dependsOn(step(SpaceUse.CHARGED, 2, 5)));
        assertTrue(three.dependsOn(step(SpaceUse.CHARGED, 3, 4)));
    }
}
