package io.corrigo.plugin.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.learner.Transition;
import io.corrigo.testkit.LearnerContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("diffusion")
class DiffusionLearnerTest implements LearnerContract<DiffusionConfig> {

    private static final Space OBS = Space.cube(1, -1, 1);
    private static final Space ACT = Space.cube(1, -1, 1);

    @Override
    public LearnerProvider<DiffusionConfig> provider() {
        return new DiffusionLearnerProvider();
    }

    @Override
    public DiffusionConfig config() {
        return Configs.small();
    }

    @Test
    void normalisesIntoTheUnitBoxAndBackSoADemonstratedActionComesBackInTheSpacesUnits() {
        Space observations = Space.box(new float[] {100, -5}, new float[] {300, 5});
        Space actions = Space.box(new float[] {0, -20}, new float[] {10, -10});
        Action demonstrated = Action.of(7.5f, -12f);
        DiffusionConfig config = Configs.with(Map.of("mlpWidth", 32, "mlpBlocks", 1, "stepEmbedding", 8, "batchSize", 32,
                "observationHorizon", 1, "predictionHorizon", 2, "executionHorizon", 1, "learningRate", 1e-3,
                "warmupUpdates", 20));
        try (DiffusionLearner learner = (DiffusionLearner) provider().create(config, observations, actions,
                TestRunContext.withSeed(5))) {
            for (int t = 1; t <= 64; t++) {
                Observation o = Observation.of(100 + 3 * t, (t % 10) - 5);
                learner.observeDemonstration(new Transition(o, demonstrated, Feedback.None.instance(), demonstrated,
                        Response.Executor.TEACHER, o, 0, false, t == 64, new StepInfo(false, 0), t));
            }
            learner.trainOnDemonstrations(1500);
            learner.startRollout();
            Action a = learner.act(Observation.of(200, 0));
            assertThat(actions.contains(a)).isTrue();
            assertThat(a.distanceTo(demonstrated)).as("action %s", a).isLessThan(0.5);
        }
    }

    @Test
    void keepsBothModesOfBimodalDemonstrations() {
        DiffusionConfig config = Configs.with(Map.of("mlpWidth", 64, "mlpBlocks", 2, "stepEmbedding", 16,
                "batchSize", 64, "observationHorizon", 1, "predictionHorizon", 1, "executionHorizon", 1,
                "learningRate", 1e-3, "warmupUpdates", 50));
        SplittableRandom random = new SplittableRandom(3);
        try (DiffusionLearner learner = (DiffusionLearner) provider().create(config, OBS, ACT, TestRunContext.withSeed(2))) {
            for (int episode = 0; episode < 20; episode++) {
                for (int t = 1; t <= 20; t++) {
                    Observation o = Observation.of((float) (2 * random.nextDouble() - 1));
                    Action a = Action.of(random.nextBoolean() ? 0.6f : -0.6f);
                    learner.observeDemonstration(new Transition(o, a, Feedback.None.instance(), a, Response.Executor.TEACHER,
                            o, 0, false, t == 20, new StepInfo(false, 0), t));
                }
            }
            learner.trainOnDemonstrations(1500);
            int upper = 0;
            int lower = 0;
            int between = 0;
            for (int i = 0; i < 200; i++) {
                learner.startRollout();
                double a = learner.act(Observation.of((float) (2 * random.nextDouble() - 1))).get(0);
                if (Math.abs(a - 0.6) < 0.2) {
                    upper++;
                } else if (Math.abs(a + 0.6) < 0.2) {
                    lower++;
                } else {
                    between++;
                }
            }
            assertThat(upper).as("samples near +0.6").isGreaterThan(50);
            assertThat(lower).as("samples near -0.6").isGreaterThan(50);
            assertThat(between).as("samples between the modes").isLessThan(30);
        }
    }
}
