package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.Action;
import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.api.feedback.Query;
import io.corrigo.plugin.oracle.RandomGateConfig.Schedule;
import io.corrigo.testkit.TakeoverSimulatorContract;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The random overseer: the takeover contract, the per-step rate, once per episode. */
@Epic("Feedback")
@Feature("random")
class RandomGateTest implements TakeoverSimulatorContract<RandomGateConfig> {

    private static final int MAX_STEPS = 100;

    @Override
    public FeedbackSimulatorProvider<RandomGateConfig> provider() {
        return new RandomGateProvider();
    }

    @Override
    public Environment environment() {
        return new BoxEnvironment();
    }

    @Test
    void producesTakeovers() {
        assertThat(provider().produces(config())).containsExactly(FeedbackKind.TAKEOVER);
    }

    @ParameterizedTest(name = "p {0}, k {1}")
    @CsvSource({"0.3, 1", "0.5, 1", "0.1, 4", "0.85, 1"})
    void perStepRateOfTakeoverStartsIsTheProbability(double p, int k) {
        TakeoverSimulator simulator = simulator(new RandomGateConfig(Schedule.PER_STEP, p, k, ExpertConfig.DEFAULTS));
        int consultations = 0;
        int starts = 0;
        int teacherSteps = 0;
        boolean inControl = false;
        for (int step = 1; step <= 40_000; step++) {
            Feedback f = simulator.respond(new Query(ActionDistanceGateTest.ORIGIN, Action.zeros(2), Action.zeros(2), step))
                    .feedback();
            consultations += inControl ? 0 : 1;
            if (f instanceof Feedback.Takeover t) {
                starts += t.started() ? 1 : 0;
                teacherSteps++;
                inControl = t.stepsLeft() > 0;
            }
        }
        double rate = (double) starts / consultations;
        Allure.step(String.format(Locale.ROOT, "p %s, k %d: %.4f takeovers per consultation (%d), %.4f of steps by the"
                + " teacher (expected %.4f)", p, k, rate, consultations, teacherSteps / 40_000.0, k * p / (1 + (k - 1) * p)));
        assertThat(rate).isBetween(p - 0.012, p + 0.012);
        assertThat(teacherSteps / 40_000.0).isBetween(k * p / (1 + (k - 1) * p) - 0.015, k * p / (1 + (k - 1) * p) + 0.015);
    }

    @Test
    void episodicScheduleTakesOverOnceAnEpisodeAtAUniformStep() {
        TakeoverSimulator simulator = simulator(new RandomGateConfig(Schedule.EPISODIC, 0, 4, ExpertConfig.DEFAULTS));
        int episodes = 4_000;
        int lastStart = MAX_STEPS - 4 + 1;
        double sum = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int e = 0; e < episodes; e++) {
            simulator.startEpisode();
            int starts = 0;
            int teacherSteps = 0;
            for (int step = 1; step <= MAX_STEPS; step++) {
                Feedback f = simulator.respond(new Query(ActionDistanceGateTest.ORIGIN, Action.zeros(2), Action.zeros(2),
                        step)).feedback();
                if (f instanceof Feedback.Takeover t) {
                    teacherSteps++;
                    if (t.started()) {
                        starts++;
                        sum += step;
                        min = Math.min(min, step);
                        max = Math.max(max, step);
                    }
                }
            }
            assertThat(starts).isEqualTo(1);
            assertThat(teacherSteps).isEqualTo(4);
        }
        double mean = sum / episodes;
        Allure.step(String.format(Locale.ROOT, "%d episodes: one takeover each, start steps in [%d, %d], mean %.2f"
                + " (uniform on 1..%d: %.1f)", episodes, min, max, mean, lastStart, (1 + lastStart) / 2.0));
        assertThat(min).isEqualTo(1);
        assertThat(max).isEqualTo(lastStart);
        // the standard error of the mean is 28/√4000 ≈ 0.44
        assertThat(mean).isBetween((1 + lastStart) / 2.0 - 2, (1 + lastStart) / 2.0 + 2);
    }

    @Test
    void decisionsIgnoreWhatTheLearnerProposes() {
        TakeoverSimulator a = simulator(RandomGateConfig.DEFAULTS);
        TakeoverSimulator b = simulator(RandomGateConfig.DEFAULTS);
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 1; step <= 500; step++) {
            Feedback fa = a.respond(new Query(ActionDistanceGateTest.ORIGIN, Action.zeros(2), Action.zeros(2), step)).feedback();
            Action far = Action.ofDoubles(random.nextDouble(-1, 1), random.nextDouble(-1, 1));
            Feedback fb = b.respond(new Query(ActionDistanceGateTest.ORIGIN, far, Action.zeros(2), step)).feedback();
            assertThat(fb).isEqualTo(fa);
        }
    }

    static TakeoverSimulator simulator(RandomGateConfig config) {
        return new TakeoverSimulator(new RandomGate(config, MAX_STEPS, new SplittableRandom(19)), config.takeoverSteps(),
                DegradedExpert.none(ActionDistanceGateTest.BOX), ActionDistanceGateTest.BOX);
    }
}
