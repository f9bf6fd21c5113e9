package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Space;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.api.feedback.Response;
import io.corrigo.api.feedback.Response.Executor;
import io.corrigo.plugin.oracle.DaggerConfig.BetaSchedule;
import io.corrigo.testkit.FeedbackSimulatorContract;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DAgger's expert: the contract, labels on every state, the β schedules, who acted. */
@Epic("Feedback")
@Feature("dagger")
class DaggerSimulatorTest implements FeedbackSimulatorContract<DaggerConfig> {

    private static final Space BOX = Space.cube(2, -1, 1);

    @Override
    public FeedbackSimulatorProvider<DaggerConfig> provider() {
        return new DaggerProvider();
    }

    @Override
    public Environment environment() {
        return new BoxEnvironment();
    }

    @Override
    public int episodes() {
        return 20;
    }

    @Test
    void producesLabels() {
        assertThat(provider().produces(config())).containsExactly(FeedbackKind.LABEL);
    }

    @Test
    void everyVisitedStateIsLabelledWithTheExpertsActionClippedIntoTheSpace() {
        assertThat(trial(61)).hasSizeGreaterThan(200).allSatisfy(e -> assertThat(e.response().feedback())
                .isEqualTo(new Feedback.Label(BOX.clip(e.query().expert()))));
    }

    @Test
    void teacherStepsAreExactlyTheStepsThatExecuteTheLabel() {
        assertThat(trial(67)).allSatisfy(e -> {
            Action label = ((Feedback.Label) e.response().feedback()).expertAction();
            if (e.response().executedBy() == Executor.TEACHER) {
                assertThat(e.response().executed()).isEqualTo(label);
            } else {
                assertThat(e.response().executed()).isEqualTo(e.query().proposed());
            }
        });
    }

    @Test
    void linearScheduleFallsFromOneToZeroOverTheConfiguredEpisodes() {
        DaggerConfig c = new DaggerConfig(BetaSchedule.LINEAR, 4, 0.5, ExpertConfig.DEFAULTS);
        assertThat(new double[] {c.beta(0), c.beta(1), c.beta(2), c.beta(3), c.beta(4), c.beta(9)})
                .containsExactly(1, 0.75, 0.5, 0.25, 0, 0);
    }

    @Test
    void exponentialScheduleIsPToTheI() {
        DaggerConfig c = new DaggerConfig(BetaSchedule.EXPONENTIAL, 15, 0.5, ExpertConfig.DEFAULTS);
        assertThat(new double[] {c.beta(0), c.beta(1), c.beta(2), c.beta(5)}).containsExactly(1, 0.5, 0.25, 0.03125);
    }

    @Test
    void theSimulatorAdvancesBetaAtEachEpisodeAndTheExpertActsAtThatRate() {
        DaggerConfig config = new DaggerConfig(BetaSchedule.LINEAR, 4, 0.5, ExpertConfig.DEFAULTS);
        DaggerSimulator simulator = new DaggerSimulator(config, BOX, new SplittableRandom(5), DegradedExpert.none(BOX));
        StringBuilder measured = new StringBuilder();
        for (int episode = 0; episode <= 5; episode++) {
            simulator.startEpisode();
            assertThat(simulator.beta()).isEqualTo(config.beta(episode));
            int steps = 10_000;
            int teacher = 0;
            for (int t = 1; t <= steps; t++) {
                Response r = simulator.respond(new Query(ActionDistanceGateTest.ORIGIN, Action.of(0.5f, 0.5f),
                        Action.of(-0.5f, 0), t));
                teacher += r.executedBy() == Executor.TEACHER ? 1 : 0;
            }
            double rate = (double) teacher / steps;
            measured.append(String.format(Locale.ROOT, " i=%d: β %.2f, teacher %.4f;", episode, simulator.beta(), rate));
            // 4 standard errors over 10 000 steps is at most 0.02
            assertThat(rate).isCloseTo(simulator.beta(), within(0.02));
            if (simulator.beta() == 1 || simulator.beta() == 0) {
                assertThat(rate).isEqualTo(simulator.beta());
            }
        }
        Allure.step("teacher-executed fraction per episode:" + measured);
    }
}
