package io.corrigo.plugin.pusht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("push-t")
class PushTPhysicsTest {

    /** A T lying flat with its bar's outer edge on y = 200 and its stem pointing up. */
    private static final Pose FLAT = new Pose(256, 200, 0);

    private static PushTWorld worldWithAgentAt(double x, double y, Pose block) {
        return new PushTWorld(PushTWorld.State.of(x, y, block));
    }

    private static void assertSamePose(Pose actual, Pose expected, double tolerance) {
        assertThat(actual.x()).isCloseTo(expected.x(), within(tolerance));
        assertThat(actual.y()).isCloseTo(expected.y(), within(tolerance));
        assertThat(actual.angle()).isCloseTo(expected.angle(), within(tolerance));
    }

    @Test
    void agentAwayFromTheBlockLeavesItUnmoved() {
        PushTWorld world = worldWithAgentAt(60, 60, FLAT);
        for (int t = 0; t < 50; t++) {
            world.advance(t % 2 == 0 ? 450 : 60, t % 3 == 0 ? 60 : 120);
        }
        assertSamePose(world.blockPose(), FLAT, 1e-9);
        assertThat(world.agentX()).isNotCloseTo(60, within(1.0));
    }

    @Test
    void aPushThroughTheCentreOfGravityTranslatesWithoutRotation() {
        PushTWorld world = worldWithAgentAt(256, 150, FLAT);
        for (int t = 0; t < 5; t++) {
            world.advance(256, 260);
        }
        Pose moved = world.blockPose();
        assertThat(moved.y() - FLAT.y()).as("pushed up").isGreaterThan(30);
        assertThat(moved.x()).isCloseTo(FLAT.x(), within(1e-6));
        assertThat(moved.angle()).isCloseTo(0, within(1e-6));
    }

    @Test
    void anOffCentrePushRotatesTheBlockTheWayTheTorquePoints() {
        PushTWorld left = worldWithAgentAt(256 - 40, 150, FLAT);
        PushTWorld right = worldWithAgentAt(256 + 40, 150, FLAT);
        for (int t = 0; t < 5; t++) {
            left.advance(256 - 40, 260);
            right.advance(256 + 40, 260);
        }
        assertThat(right.blockPose().angle()).as("push right of the COG turns counter-clockwise").isGreaterThan(0.1);
        assertThat(left.blockPose().angle()).as("push left of the COG turns clockwise").isLessThan(-0.1);
    }

    @Test
    void theBlockStopsTheStepAfterContactEnds() {
        PushTWorld world = worldWithAgentAt(256, 150, FLAT);
        for (int t = 0; t < 4; t++) {
            world.advance(256, 260);
        }
        Pose pushed = world.blockPose();
        world.advance(256, 60);
        Pose afterContact = world.blockPose();
        for (int t = 0; t < 5; t++) {
            world.advance(256, 60);
            assertSamePose(world.blockPose(), afterContact, 1e-9);
        }
        assertThat(afterContact.y()).isGreaterThanOrEqualTo(pushed.y());
    }

    @Test
    void theAgentPassesThroughTheWalls() {
        PushTWorld world = worldWithAgentAt(256, 30, FLAT);
        world.advance(256, -40);
        world.advance(256, -40);
        world.advance(256, -40);
        assertThat(world.agentY()).isLessThan(0);
    }

    @Test
    void aBlockPushedIntoAWallStaysInside() {
        PushTWorld world = worldWithAgentAt(256, 150, FLAT);
        for (int t = 0; t < 30; t++) {
            world.advance(256, 512);
        }
        double[] outline = TBlock.outline(world.blockPose());
        for (int i = 1; i < outline.length; i += 2) {
            assertThat(outline[i]).isLessThan(PushTWorld.WALL_HIGH + 5);
        }
    }

    @Test
    void theAgentFollowsTheCriticallyDampedResponseOfTheSpec() {
        // baselines.md §5.2: 29.6 %, 61.6 %, 80.8 % of a step change after one, two, three periods
        PushTWorld world = worldWithAgentAt(100, 450, FLAT);
        double[] expected = {0.296, 0.616, 0.808};
        for (double fraction : expected) {
            world.advance(400, 450);
            assertThat((world.agentX() - 100) / 300).isCloseTo(fraction, within(0.01));
        }
    }

    @Test
    void theTwoStepStopTargetBringsTheAgentToRestAtTheAimPoint() {
        PushTWorld world = worldWithAgentAt(100, 450, FLAT);
        world.advance(300, 450);
        double u = AgentDynamics.stopTarget(world.agentX(), world.agentVx(), 220);
        double p = AgentDynamics.nextPosition(world.agentX(), world.agentVx(), u);
        double v = AgentDynamics.nextVelocity(world.agentX(), world.agentVx(), u);
        world.advance(u, 450);
        assertThat(world.agentX()).isCloseTo(p, within(1e-9));
        world.advance(AgentDynamics.stopTarget(world.agentX(), world.agentVx(), 220), 450);
        assertThat(world.agentX()).isCloseTo(220, within(1e-6));
        assertThat(world.agentVx()).isCloseTo(0, within(1e-6));
        assertThat(v).isNotCloseTo(0, within(1e-3));
    }

    @Test
    void seatingASavedStateReproducesTheContinuationExactly() {
        PushTWorld world = worldWithAgentAt(240, 150, FLAT);
        world.advance(250, 230);
        PushTWorld.State saved = world.state();
        world.seat(saved);
        world.advance(260, 260);
        world.advance(230, 290);
        PushTWorld.State first = world.state();
        world.seat(saved);
        world.advance(260, 260);
        world.advance(230, 290);
        assertThat(world.state().sameAs(first)).isTrue();
        assertThat(first.sameAs(saved)).isFalse();
    }
}
