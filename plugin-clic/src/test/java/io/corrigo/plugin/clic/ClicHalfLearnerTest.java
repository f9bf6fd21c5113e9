package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.learner.Landscape;
import io.corrigo.api.learner.LandscapeSource;
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
@Feature("clic-half")
class ClicHalfLearnerTest implements LearnerContract<ClicHalfConfig> {

    private static final Space OBS = Space.cube(3, -1, 1);
    private static final Space ACT = Space.cube(2, -1, 1);

    @Override
    public LearnerProvider<ClicHalfConfig> provider() {
        return new ClicHalfProvider();
    }

    @Override
    public ClicHalfConfig config() {
        return config(List.of(32, 32), 32, 8, 64, 10, 16);
    }

    static ClicHalfConfig config(List<Integer> hidden, int samples, int halfspaces, int actSamples, int endUpdates,
                                 int minBuffer) {
        return new ClicHalfConfig(ComputePreset.DEFAULT, 1e-3, 16, hidden, samples, 0, 1.0, 0.1, 30, 0.1, 0.1, halfspaces,
                0.3, 1.0, 1.0, EnergySampler.Method.DFO, actSamples, 5, 1, 3, 0.1, 5, endUpdates, 1000, minBuffer, 1.0,
                null, null, null);
    }

    @Test
    void repeatedUpdatesOnOneCorrectionMoveThePolicyIntoItsCone() {
        Action robot = Action.of(-0.5f, -0.5f);
        Action teacher = Action.of(0.1f, 0.3f);
        Action h = teacher.minus(robot);
        try (Learner learner = provider().create(config(List.of(64, 64), 64, 32, 256, 100, 1), OBS, ACT,
                TestRunContext.withSeed(1))) {
            ClicTesting.episode(learner, 100, ClicTesting.always(robot, new Feedback.AbsoluteCorrection(teacher)));
            int inside = 0;
            for (int i = 0; i < 50; i++) {
                inside += ClicTesting.inCone(learner.act(ClicTesting.STATE), robot, h, 0.1, 15 + 5) ? 1 : 0;
            }
            assertThat(inside).as("of 50 sampled actions in the cone (apex a^r + 0.1h, half-angle 15° + 5°)")
                    .isGreaterThanOrEqualTo(45);
            Landscape l = ((LandscapeSource) learner).landscape(ClicTesting.STATE, 11).orElseThrow();
            assertThat(l.overlay()).as("a^r, a^+, main boundary and two cone edges per correction, 8 corrections")
                    .hasSize(8 * 5);
        }
    }

    @Test
    void relativeCorrectionsAloneLeadThePolicyToTheTeacher() {
        Action target = Action.of(0.5f, -0.4f);
        try (Learner learner = provider().create(config(List.of(64, 64), 64, 32, 256, 50, 16), OBS, ACT,
                TestRunContext.withSeed(2))) {
            for (int e = 0; e < 8; e++) {
                ClicTesting.episode(learner, 40, ClicTesting.relativeTowards(target));
            }
            double distance = 0;
            for (int i = 0; i < 20; i++) {
                distance += learner.act(ClicTesting.STATE).distanceTo(target) / 20;
            }
            assertThat(distance).isLessThan(0.3);
        }
    }

    @Test
    void updatesOnEachCorrectionOrEveryFifthStepAndAtTheEnd() {
        TestRunContext context = TestRunContext.withSeed(3);
        Action robot = Action.of(0f, 0f);
        try (Learner learner = provider().create(config(List.of(16), 16, 4, 16, 10, 1), OBS, ACT, context)) {
            ClicTesting.episode(learner, 20, ClicTesting.always(robot, new Feedback.AbsoluteCorrection(Action.of(0.5f, 0f))));
            ClicTesting.episode(learner, 20, ClicTesting.always(robot, Feedback.None.instance()));
            assertThat(context.recorded("updates")).containsExactly(30.0, 14.0);
            assertThat(context.recorded("corrections")).containsExactly(20.0, 20.0);
            assertThat(context.notes()).containsKeys("clic-half.preset", "clic-half.deviations",
                    "clic-half.gradientPenalty", "clic-half.inference", "clic-half.counterExamples", "clic-half.optimizer");
        }
    }
}
