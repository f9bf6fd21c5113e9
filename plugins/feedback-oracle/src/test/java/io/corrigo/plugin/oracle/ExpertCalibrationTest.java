package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.StepResult;
import io.corrigo.plugin.oracle.ExpertConfig.Degradation;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calibrating the degradation level to a target success rate of the expert alone. */
@Epic("Feedback")
@Feature("suboptimal expert")
class ExpertCalibrationTest {

    private static final int FRESH_EPISODES = 2_000;

    @ParameterizedTest(name = "{0}, {1} calibration episodes")
    @CsvSource({"GAUSSIAN, 50", "GAUSSIAN, 200", "EPSILON_RANDOM, 50", "EPSILON_RANDOM, 200", "ROTATION, 50",
            "ROTATION, 200"})
    void calibrationReachesFortyPercentOnItsEpisodesAndOnFreshOnes(Degradation degradation, int episodes) {
        ExpertConfig config = new ExpertConfig(degradation, 0, 0.4, episodes);
        TestRunContext context = TestRunContext.withSeed(11);
        try (Environment corridor = new CorridorEnvironment()) {
            DegradedExpert expert = DegradedExpert.create(config, corridor, context);
            double calibrated = new ExpertCalibration(config, corridor).success(expert.level());
            double fresh = freshSuccess(expert, corridor);
            Allure.step(String.format(Locale.ROOT, "%s, %d episodes: level %.4f, calibration rate %.3f, fresh rate %.3f"
                    + " over %d episodes; notes %s", degradation, episodes, expert.level(), calibrated, fresh,
                    FRESH_EPISODES, context.notes()));
            assertThat(calibrated).isCloseTo(0.4, within(0.05));
            assertThat(fresh).isCloseTo(0.4, within(0.05));
        }
    }

    @Test
    void notesTheCalibratedLevelAndTheRateReached() {
        ExpertConfig config = new ExpertConfig(Degradation.GAUSSIAN, 0, 0.4, 50);
        TestRunContext context = TestRunContext.withSeed(1);
        try (Environment corridor = new CorridorEnvironment()) {
            DegradedExpert expert = DegradedExpert.create(config, corridor, context);
            assertThat(Double.parseDouble(context.notes().get("expert.level"))).isCloseTo(expert.level(), within(1e-4));
            assertThat(context.notes().get("expert.success")).isEqualTo("0.4000 over 50 calibration episodes (target 0.4000)");
        }
    }

    @Test
    void theCalibratedLevelDoesNotDependOnTheTrialSeed() {
        ExpertConfig config = new ExpertConfig(Degradation.EPSILON_RANDOM, 0, 0.4, 50);
        try (Environment a = new CorridorEnvironment(); Environment b = new CorridorEnvironment()) {
            assertThat(DegradedExpert.create(config, a, TestRunContext.withSeed(1)).level())
                    .isEqualTo(DegradedExpert.create(config, b, TestRunContext.withSeed(99)).level());
        }
    }

    @Test
    void aDirectlyGivenLevelIsUsedAsItIsAndNotNoted() {
        TestRunContext context = TestRunContext.withSeed(1);
        try (Environment corridor = new CorridorEnvironment()) {
            DegradedExpert expert = DegradedExpert.create(new ExpertConfig(Degradation.BIAS, 0.3, Double.NaN, 50), corridor,
                    context);
            assertThat(expert.level()).isEqualTo(0.3);
            assertThat(context.notes()).isEmpty();
        }
    }

    @Test
    void successFallsMonotonicallyWithTheLevelOnTheCalibrationEpisodes() {
        ExpertCalibration calibration = new ExpertCalibration(new ExpertConfig(Degradation.GAUSSIAN, 0, 0.4, 50),
                new CorridorEnvironment());
        StringBuilder curve = new StringBuilder();
        double previous = 1;
        for (double level = 0; level <= 3; level += 0.25) {
            double rate = calibration.success(level);
            curve.append(String.format(Locale.ROOT, " %.2f→%.2f", level, rate));
            assertThat(rate).isLessThanOrEqualTo(previous + 0.06);
            previous = rate;
        }
        Allure.step("Gaussian σ (half-widths) → success of the expert alone on the corridor:" + curve);
        assertThat(calibration.success(0)).isEqualTo(1);
        assertThat(calibration.success(3)).isLessThan(0.1);
    }

    @Test
    void failsWhenTheCleanExpertFallsShortOfTheTarget() {
        try (Environment narrow = new CorridorEnvironment(0.01)) {
            assertThatThrownBy(() -> DegradedExpert.create(new ExpertConfig(Degradation.GAUSSIAN, 0, 0.9, 50), narrow,
                    TestRunContext.withSeed(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot calibrate expert.targetSuccess 0.900 on CorridorEnvironment")
                    .hasMessageContaining("the undegraded expert succeeds in only");
        }
    }

    @Test
    void failsWhenEvenTheStrongestDegradationExceedsTheTarget() {
        try (Environment wide = new CorridorEnvironment(5)) {
            assertThatThrownBy(() -> DegradedExpert.create(new ExpertConfig(Degradation.GAUSSIAN, 0, 0.4, 50), wide,
                    TestRunContext.withSeed(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("even at the strongest gaussian degradation the expert succeeds in");
        }
    }

    @Test
    void failsWhenTheRateJumpsPastTheTargetInsteadOfHandingOutAnotherExpert() {
        try (Environment alike = new CorridorEnvironment(0.1, 0)) {
            assertThatThrownBy(() -> DegradedExpert.create(new ExpertConfig(Degradation.BIAS, 0, 0.4, 50), alike,
                    TestRunContext.withSeed(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot calibrate expert.targetSuccess 0.400 on CorridorEnvironment with bias")
                    .hasMessageContaining("the success rate jumps from 1.000 at level")
                    .hasMessageContaining("to 0.000 at level")
                    .hasMessageContaining("gaussian, epsilon-random");
        }
    }

    /** The success rate of {@code expert} acting alone on fresh seeds with the trial's degradation stream. */
    static double freshSuccess(DegradedExpert expert, Environment env) {
        int successes = 0;
        for (int i = 0; i < FRESH_EPISODES; i++) {
            Observation o = env.reset(i);
            Action previous = Action.zeros(env.actionSpace().dimension());
            for (int t = 1; t <= env.maxSteps(); t++) {
                Action a = env.actionSpace().clip(expert.apply(env.expert().act(o, previous)));
                StepResult step = env.step(a);
                if (step.info().success()) {
                    successes++;
                    break;
                }
                if (step.done()) {
                    break;
                }
                o = step.observation();
                previous = a;
            }
        }
        return (double) successes / FRESH_EPISODES;
    }
}
