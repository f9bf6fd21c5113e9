package io.corrigo.plugin.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.plugin.classic.TwoLinkArm.Elbow;
import io.corrigo.plugin.classic.TwoLinkArm.Joints;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("reacher")
class TwoLinkArmTest {

    @Test
    void bothInverseSolutionsPutTheFingertipOnTheTarget() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            double radius = 0.01 + 0.2 * random.nextDouble();
            double angle = Math.PI * (2 * random.nextDouble() - 1);
            double x = radius * Math.cos(angle);
            double y = radius * Math.sin(angle);
            for (Elbow elbow : Elbow.values()) {
                Joints q = TwoLinkArm.inverse(x, y, elbow);
                assertThat(TwoLinkArm.tipX(q)).isCloseTo(x, within(1e-12));
                assertThat(TwoLinkArm.tipY(q)).isCloseTo(y, within(1e-12));
            }
        }
    }

    @Test
    void elbowUpLiesCounterClockwiseOfTheLineToTheTarget() {
        Joints up = TwoLinkArm.inverse(0.15, 0, Elbow.UP);
        Joints down = TwoLinkArm.inverse(0.15, 0, Elbow.DOWN);
        assertThat(up.elbow()).isNegative();
        assertThat(TwoLinkArm.elbowY(up)).isPositive();
        assertThat(down.elbow()).isPositive();
        assertThat(TwoLinkArm.elbowY(down)).isNegative();
    }

    @Test
    void outOfReachTargetsGetTheStretchedArm() {
        Joints q = TwoLinkArm.inverse(0, 0.5, Elbow.UP);
        assertThat(q.elbow()).isCloseTo(0, within(1e-12));
        assertThat(q.shoulder()).isCloseTo(Math.PI / 2, within(1e-12));
    }

    @Test
    void jointDistanceIsTheLargerWrappedJointDifference() {
        Joints a = new Joints(Math.PI - 0.1, 0);
        assertThat(a.distanceTo(new Joints(-Math.PI + 0.1, 0.15))).isCloseTo(0.2, within(1e-12));
        assertThat(a.distanceTo(new Joints(Math.PI - 0.2, -0.3))).isCloseTo(0.3, within(1e-12));
    }
}
