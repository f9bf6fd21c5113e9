package io.corrigo.plugin.pusht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("push-t")
class TBlockTest {

    private static final Pose GOAL = TBlock.GOAL;

    /** The goal pose moved by {@code (dx, dy)} in the goal's own frame. */
    private static Pose shiftedAlongGoal(double dx, double dy) {
        double c = Math.cos(GOAL.angle());
        double s = Math.sin(GOAL.angle());
        return GOAL.shifted(c * dx - s * dy, s * dx + c * dy);
    }

    @Test
    void coverageAtTheGoalPoseIsOne() {
        assertThat(TBlock.coverage(GOAL, GOAL)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void coverageFarAwayIsZero() {
        assertThat(TBlock.coverage(GOAL.shifted(200, 0), GOAL)).isEqualTo(0.0);
        assertThat(TBlock.coverage(new Pose(60, 60, 0), GOAL)).isEqualTo(0.0);
    }

    @Test
    void coverageOfASidewaysShiftMatchesTheHandComputation() {
        // bar ∩ bar = 110 × 30, stem ∩ stem = 20 × 90, the cross pairs only touch: 5 100 of 6 300
        assertThat(TBlock.coverage(shiftedAlongGoal(10, 0), GOAL)).isCloseTo(5100.0 / 6300, within(1e-9));
    }

    @Test
    void coverageOfAShiftAlongTheStemCountsTheCrossOverlap() {
        // bar ∩ bar = 120 × 20, stem ∩ stem = 30 × 80, block bar ∩ goal stem = 30 × 10: 5 100 of 6 300
        assertThat(TBlock.coverage(shiftedAlongGoal(0, 10), GOAL)).isCloseTo(5100.0 / 6300, within(1e-9));
    }

    @Test
    void coverageOfAHalfTurnAboutTheBarMiddleKeepsOnlyTheBar() {
        // turning by π about the local origin maps the bar [-60, 60] × [0, 30] onto [-60, 60] × [-30, 0]:
        // the bars only touch; the stems point away from each other
        Pose turned = new Pose(GOAL.x(), GOAL.y(), GOAL.angle() + Math.PI);
        assertThat(TBlock.coverage(turned, GOAL)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void clippingTwoOverlappingSquaresGivesTheirCommonArea() {
        double[] a = {0, 0, 10, 0, 10, 10, 0, 10};
        double[] b = {5, 5, 15, 5, 15, 15, 5, 15};
        assertThat(TBlock.intersectionArea(a, b)).isCloseTo(25.0, within(1e-12));
        double[] diamond = {10, 0, 0, 10, -10, 0, 0, -10};
        assertThat(TBlock.intersectionArea(a, diamond)).as("the triangle (0,0), (10,0), (0,10)")
                .isCloseTo(50.0, within(1e-12));
    }

    @Test
    void theOutlineHasTheAreaOfTheTAndRunsCounterClockwise() {
        double[] outline = TBlock.outline(new Pose(100, 50, 1.1));
        assertThat(TBlock.area(outline, outline.length / 2)).isCloseTo(TBlock.AREA, within(1e-9));
    }

    @Test
    void distancesAreMeasuredToTheNearerPart() {
        assertThat(TBlock.distance(0, 10)).isEqualTo(0.0);
        assertThat(TBlock.distance(0, -20)).isEqualTo(20.0);
        assertThat(TBlock.distance(30, 60)).isEqualTo(15.0);
        assertThat(TBlock.distance(63, 34)).isCloseTo(5.0, within(1e-12));
        assertThat(TBlock.segmentDistance(-100, -10, 100, -10)).isCloseTo(10.0, within(1e-12));
        assertThat(TBlock.segmentDistance(-100, 50, 100, 50)).isEqualTo(0.0);
    }
}
