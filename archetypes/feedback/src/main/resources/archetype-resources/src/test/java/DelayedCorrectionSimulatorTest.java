package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepInfo;
import io.corrigo.api.env.StepResult;
import io.corrigo.api.env.Teacher;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.testkit.TestRunContext;
import io.corrigo.testkit.FeedbackSimulatorContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test kit's feedback-simulator contract (declared kinds, bounds, determinism, close) and the delay itself. */
class DelayedCorrectionSimulatorTest implements FeedbackSimulatorContract<DelayedCorrectionConfig> {

    @Override
    public FeedbackSimulatorProvider<DelayedCorrectionConfig> provider() {
        return new DelayedCorrectionProvider();
    }

    @Override
    public Environment environment() {
        return new Countdown();
    }

    @Test
    void aMistakeIsCorrectedDelayStepsLaterWithTheTeachersActionOfThatStep() {
        try (Environment env = environment();
             FeedbackSimulator simulator = provider().create(new DelayedCorrectionConfig(2, 0.2), env, TestRunContext.withSeed(1))) {
            simulator.startEpisode();
            List<Response> responses = new ArrayList<>();
            float[] proposals = {0.9f, 0.5f, 0.5f, 0.5f};
            float[] experts = {0.5f, 0.4f, 0.3f, 0.2f};
            for (int t = 0; t < proposals.length; t++) {
                responses.add(simulator.respond(new Query(Observation.of(t), Action.of(proposals[t]), Action.of(experts[t]), t + 1)));
            }
            assertThat(responses.subList(0, 2)).allSatisfy(r -> assertThat(r.feedback()).isInstanceOf(Feedback.None.class));
            assertThat(responses.get(2).feedback()).isEqualTo(new Feedback.AbsoluteCorrection(Action.of(0.5f)));
            assertThat(responses.get(2).executedBy()).isEqualTo(Response.Executor.TEACHER);
            assertThat(responses.get(3).feedback()).as("step 2's proposal was within the threshold")
                    .isInstanceOf(Feedback.None.class);
        }
    }

    /** A test stand-in: the observation counts the steps left; the teacher always wants 0.5. */
    private static final class Countdown implements Environment {

        private int left;

        @Override
        public Space observationSpace() {
            return Space.cube(1, 0, 20);
        }

        @Override
        public Space actionSpace() {
            return Space.cube(1, -1, 1);
        }

        @Override
        public int maxSteps() {
            return 20;
        }

        @Override
        public Observation reset(long seed) {
            left = 20;
            return Observation.of(left);
        }

        @Override
        public StepResult step(Action action) {
            left--;
            return new StepResult(Observation.of(left), 0, false, left == 0, new StepInfo(false, 1 - left / 20.0));
        }

        @Override
        public Teacher expert() {
            return Teacher.of(o -> Action.of(0.5f));
        }
    }
}
