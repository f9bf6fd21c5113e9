package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.learner.Learner;
import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.api.learner.Transition;
import io.corrigo.testkit.LearnerContract;
import io.corrigo.testkit.TestRunContext;
import org.junit.jupiter.api.Test;

/** The test kit's learner contract (spaces, determinism, feedback kinds, save and load, close) and what this learner adds. */
class RidgeLearnerTest implements LearnerContract<RidgeConfig> {

    @Override
    public LearnerProvider<RidgeConfig> provider() {
        return new RidgeLearnerProvider();
    }

    @Test
    void learnsALinearTeacherFromAbsoluteCorrections() {
        Space box = Space.cube(1, -1, 1);
        try (Learner learner = provider().create(provider().defaultConfig(), box, box, TestRunContext.withSeed(1))) {
            for (int i = 0; i <= 20; i++) {
                Observation o = Observation.of(-1 + i / 10f);
                Action proposed = learner.act(o);
                Action wanted = Action.of(0.5f * o.get(0) + 0.1f);
                learner.observe(new Transition(o, proposed, new Feedback.AbsoluteCorrection(wanted), wanted, Response.Executor.TEACHER,
                        o, 0, false, false, new StepInfo(false, 0), i + 1));
            }
            assertThat(learner.act(Observation.of(0.4f)).get(0)).isCloseTo(0.3f, within(0.01f));
        }
    }

    @Test
    void refusesANonPositiveRegularisationNamingTheField() {
        assertThatThrownBy(() -> new RidgeConfig(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regularisation");
    }
}
