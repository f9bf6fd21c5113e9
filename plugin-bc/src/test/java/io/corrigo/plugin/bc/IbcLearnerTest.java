package io.corrigo.plugin.bc;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Landscape;
import io.corrigo.api.learner.LandscapeSource;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.learner.Transition;
import io.corrigo.djl.ebm.ComputePreset;
import io.corrigo.djl.ebm.EnergySampler;
import io.corrigo.testkit.LearnerContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("ibc")
class IbcLearnerTest implements LearnerContract<IbcConfig> {

    private static final Space OBS = Space.cube(3, -1, 1);
    private static final Space ACT = Space.cube(2, -1, 1);
    private static final Action UP = Action.of(0.6f, 0.6f);
    private static final Action DOWN = Action.of(-0.6f, -0.6f);

    @Override
    public LearnerProvider<IbcConfig> provider() {
        return new IbcLearnerProvider();
    }

    @Override
    public IbcConfig config() {
        return small(16, 10);
    }

    static IbcConfig small(int minBuffer, int endOfEpisodeUpdates) {
        return new IbcConfig(ComputePreset.DEFAULT, 1e-3, 16, List.of(32, 32), 32, 0, 1.0, 1.0, 1.0,
                EnergySampler.Method.DFO, 64, 5, 1, 3, 0.1, 5, endOfEpisodeUpdates, 1000, minBuffer, 1.0, 1e-6, 1e-7, null);
    }

    @Test
    void keepsBothModesOfABimodalTeacher() {
        IbcConfig config = new IbcConfig(ComputePreset.DEFAULT, 1e-3, 32, List.of(64, 64), 64, 0, 1.0, 1.0, 1.0,
                EnergySampler.Method.DFO, 256, 5, 1, 3, 0.1, 5, 100, 1000, 32, 1.0, 1e-6, 1e-7, null);
        Observation o = Observation.of(0.1f, 0.2f, 0.3f);
        try (Learner learner = provider().create(config, OBS, ACT, TestRunContext.withSeed(1))) {
            for (int episode = 0; episode < 4; episode++) {
                run(learner, o, 50, t -> new Feedback.Label(t % 2 == 0 ? UP : DOWN));
            }
            int up = 0;
            int down = 0;
            for (int i = 0; i < 100; i++) {
                Action a = learner.act(o);
                up += a.distanceTo(UP) < 0.3 ? 1 : 0;
                down += a.distanceTo(DOWN) < 0.3 ? 1 : 0;
            }
            assertThat(up + down).as("actions near a mode, not averaged in between").isGreaterThanOrEqualTo(85);
            // sampling at temperature 0.1 is nearly greedy, so the two modes show in the landscape
            float[][] density = ((LandscapeSource) learner).landscape(o, 21).orElseThrow().density();
            float atUp = density[16][16];
            float atDown = density[4][4];
            float between = density[10][10];
            assertThat(Math.min(atUp, atDown)).as("both modes are basins").isGreaterThan(between);
        }
    }

    @Test
    void updatesOnEveryLabelAndAtTheEndOfTheEpisode() {
        TestRunContext context = TestRunContext.withSeed(2);
        Observation o = Observation.of(0f, 0f, 0f);
        try (Learner learner = provider().create(small(1, 10), OBS, ACT, context)) {
            // every step labelled (no periodic updates then, as in CLIC's loop), 10 at the end
            run(learner, o, 20, t -> new Feedback.AbsoluteCorrection(UP));
            assertThat(context.recorded("updates")).containsExactly(30.0);
            // no labels: periodic updates on steps 25, 30, 35, 40 of the trial, then 10 at the end
            run(learner, o, 20, t -> Feedback.None.instance());
            assertThat(context.recorded("updates")).containsExactly(30.0, 14.0);
            assertThat(context.recorded("labels")).containsExactly(20.0, 20.0);
            assertThat(context.notes()).containsKeys("ibc.preset", "ibc.deviations", "ibc.gradientPenalty", "ibc.inference");
        }
    }

    @Test
    void drawsTheLandscapeOfATwoDimensionalActionSpaceWithTheNearestLabels() {
        Observation o = Observation.of(0.5f, 0.5f, 0.5f);
        try (Learner learner = provider().create(small(4, 20), OBS, ACT, TestRunContext.withSeed(3))) {
            run(learner, o, 30, t -> new Feedback.Label(UP));
            Landscape l = ((LandscapeSource) learner).landscape(o, 21).orElseThrow();
            assertThat(l.resolution()).isEqualTo(21);
            assertThat(l.overlay()).hasSize(16);
            int best = 0;
            for (int k = 1; k < 21 * 21; k++) {
                if (l.density()[k / 21][k % 21] > l.density()[best / 21][best % 21]) {
                    best = k;
                }
            }
            // cell (ix, iy) = (best % 21, best / 21) at -1 + 0.1·i; the label is at (0.6, 0.6)
            assertThat(Math.hypot(-1 + 0.1 * (best % 21) - 0.6, -1 + 0.1 * (best / 21) - 0.6)).isLessThan(0.35);
        }
        try (Learner learner = provider().create(small(4, 20), OBS, Space.cube(3, -1, 1), TestRunContext.withSeed(3))) {
            assertThat(((LandscapeSource) learner).landscape(o, 5)).isEmpty();
        }
    }

    private static void run(Learner learner, Observation o, int steps, IntFunction<Feedback> human) {
        learner.startEpisode();
        for (int t = 1; t <= steps; t++) {
            Action proposed = learner.act(o);
            learner.observe(new Transition(o, proposed, human.apply(t), proposed, Response.Executor.LEARNER, o, 0, false,
                    t == steps, new StepInfo(false, 0), t));
        }
        learner.endEpisode();
    }
}
