package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.djl.ebm.ComputePreset;
import io.corrigo.djl.ebm.EnergySampler;
import io.corrigo.testkit.LearnerContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("clic-circular")
class ClicCircularLearnerTest implements LearnerContract<ClicCircularConfig> {

    private static final Space OBS = Space.cube(3, -1, 1);
    private static final Space ACT = Space.cube(2, -1, 1);

    @Override
    public LearnerProvider<ClicCircularConfig> provider() {
        return new ClicCircularProvider();
    }

    @Override
    public ClicCircularConfig config() {
        return config(List.of(32, 32), 32, 64, 10, 16);
    }

    static ClicCircularConfig config(List<Integer> hidden, int samples, int actSamples, int endUpdates, int minBuffer) {
        return new ClicCircularConfig(ComputePreset.DEFAULT, 1e-3, 16, hidden, samples, 0, 2.0, 0.1, 0.5, 0.05, 1.0, 1.0,
                EnergySampler.Method.DFO, actSamples, 5, 1, 3, 0.1, 5, endUpdates, 1000, minBuffer, 1.0, null, null, null);
    }

    @Test
    void acceptsOnlyFeedbackWithAMagnitude() {
        assertThat(provider().accepts(config())).containsExactlyInAnyOrder(FeedbackKind.ABSOLUTE, FeedbackKind.TAKEOVER,
                FeedbackKind.LABEL);
    }

    @Test
    void repeatedUpdatesOnOneCorrectionMoveThePolicyIntoItsBall() {
        Action robot = Action.of(-0.5f, -0.5f);
        Action teacher = Action.of(0.3f, 0.1f);
        double radius = 0.5 * teacher.distanceTo(robot);
        try (Learner learner = provider().create(config(List.of(64, 64), 64, 256, 100, 1), OBS, ACT,
                TestRunContext.withSeed(1))) {
            ClicTesting.episode(learner, 100, ClicTesting.always(robot, new Feedback.AbsoluteCorrection(teacher)));
            int inside = 0;
            for (int i = 0; i < 50; i++) {
                inside += learner.act(ClicTesting.STATE).distanceTo(teacher) <= 1.2 * radius ? 1 : 0;
            }
            assertThat(inside).as("of 50 sampled actions within 1.2 ρ of a^+").isGreaterThanOrEqualTo(45);
        }
    }
}
