package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.djl.ebm.ComputePreset;
import io.corrigo.testkit.LearnerContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("clic-explicit")
class ClicExplicitLearnerTest implements LearnerContract<ClicExplicitConfig> {

    private static final Space OBS = Space.cube(3, -1, 1);
    private static final Space ACT = Space.cube(2, -1, 1);

    @Override
    public LearnerProvider<ClicExplicitConfig> provider() {
        return new ClicExplicitProvider();
    }

    @Override
    public ClicExplicitConfig config() {
        return config(10, 16);
    }

    static ClicExplicitConfig config(int endUpdates, int minBuffer) {
        return new ClicExplicitConfig(ComputePreset.DEFAULT, 1e-3, 16, List.of(32, 32), 30, 0.3, 16, 0.2, 0.02, 5,
                endUpdates, 1000, minBuffer, 0, null);
    }

    @Test
    void repeatedUpdatesOnOneCorrectionMoveTheActionIntoItsCone() {
        Action robot = Action.of(-0.5f, -0.5f);
        Action teacher = Action.of(0.1f, 0.3f);
        try (Learner learner = provider().create(config(200, 1), OBS, ACT, TestRunContext.withSeed(1))) {
            ClicTesting.episode(learner, 50, ClicTesting.always(robot, new Feedback.AbsoluteCorrection(teacher)));
            assertThat(ClicTesting.inCone(learner.act(ClicTesting.STATE), robot, teacher.minus(robot), 0.3, 15 + 5))
                    .as("action %s", learner.act(ClicTesting.STATE)).isTrue();
        }
    }

    @Test
    void relativeCorrectionsAloneLeadThePolicyToTheTeacher() {
        Action target = Action.of(0.5f, -0.4f);
        try (Learner learner = provider().create(config(50, 16), OBS, ACT, TestRunContext.withSeed(2))) {
            for (int e = 0; e < 8; e++) {
                ClicTesting.episode(learner, 40, ClicTesting.relativeTowards(target));
            }
            assertThat(learner.act(ClicTesting.STATE).distanceTo(target)).isLessThan(0.25);
        }
    }

    @Test
    void demonstrationsAreCorrectionsOfWhatTheLearnerWouldHaveDoneAndTrainOffline() {
        Action demonstrated = Action.of(0.6f, -0.3f);
        try (ClicExplicitLearner learner = (ClicExplicitLearner) provider().create(config(10, 16), OBS, ACT,
                TestRunContext.withSeed(4))) {
            Action robot = learner.act(ClicTesting.STATE);
            for (int t = 1; t <= 40; t++) {
                learner.observeDemonstration(new io.corrigo.api.learner.Transition(ClicTesting.STATE, demonstrated,
                        io.corrigo.api.feedback.Feedback.None.instance(), demonstrated,
                        io.corrigo.api.feedback.Response.Executor.TEACHER, ClicTesting.STATE, 0, false, t == 40,
                        new io.corrigo.api.env.StepInfo(false, 0), t));
            }
            learner.trainOnDemonstrations(300);
            Action after = learner.act(ClicTesting.STATE);
            assertThat(ClicTesting.inCone(after, robot, demonstrated.minus(robot), 0.3, 15 + 5)).as("action %s", after).isTrue();
            assertThat(after.distanceTo(demonstrated)).isLessThan(robot.distanceTo(demonstrated));
        }
    }

    @Test
    void warmStartsWithOneStepPerCorrectionUntilTheBufferIsReady() {
        TestRunContext context = TestRunContext.withSeed(3);
        Action robot = Action.of(0f, 0f);
        try (Learner learner = provider().create(config(10, 32), OBS, ACT, context)) {
            // 20 corrections, all before the buffer holds 32: 20 warm-start steps, no batch updates
            ClicTesting.episode(learner, 20, ClicTesting.always(robot, new Feedback.AbsoluteCorrection(Action.of(0.5f, 0f))));
            // 12 more make 32: steps 1-11 warm-start, step 12 a batch update, +1 at the last step, +10 at the end
            ClicTesting.episode(learner, 12, ClicTesting.always(robot, new Feedback.AbsoluteCorrection(Action.of(0.5f, 0f))));
            assertThat(context.recorded("updates")).containsExactly(20.0, 23.0);
        }
    }
}
