package io.corrigo.plugin.oracle;

import static io.corrigo.plugin.oracle.ConfigAssertions.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.plugin.oracle.ExpertConfig.Degradation;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

/** The {@code expert} block, validated inside each simulator's configuration. */
@Epic("Feedback")
@Feature("suboptimal expert")
class ExpertConfigTest {

    @Test
    void defaultsAreTheCleanExpert() {
        assertThat(ExpertConfig.DEFAULTS).isEqualTo(new ExpertConfig(Degradation.NONE, 0, Double.NaN, 50));
        assertThat(new ExpertConfig(null, 0, Double.NaN, 50).degradation()).isEqualTo(Degradation.NONE);
        assertThat(new DaggerConfig(null, 15, 0.5, null).expert()).isEqualTo(ExpertConfig.DEFAULTS);
    }

    @Test
    void acceptsLevelsAndTargets() {
        with(new ExpertConfig(Degradation.GAUSSIAN, 0.5, Double.NaN, 50));
        with(new ExpertConfig(Degradation.EPSILON_RANDOM, 1, Double.NaN, 50));
        with(new ExpertConfig(Degradation.ROTATION, 180, Double.NaN, 50));
        with(new ExpertConfig(Degradation.BIAS, 0, 0.4, 200));
    }

    @Test
    void rejectsNegativeOrInfiniteLevels() {
        assertViolations(() -> with(new ExpertConfig(Degradation.GAUSSIAN, -0.1, Double.NaN, 50)), "expert.level");
        assertViolations(() -> with(new ExpertConfig(Degradation.GAUSSIAN, Double.NaN, Double.NaN, 50)), "expert.level");
    }

    @Test
    void rejectsLevelsBeyondTheRangeOfTheirDegradation() {
        assertViolations(() -> with(new ExpertConfig(Degradation.EPSILON_RANDOM, 1.5, Double.NaN, 50)), "expert.level");
        assertViolations(() -> with(new ExpertConfig(Degradation.ROTATION, 190, Double.NaN, 50)), "expert.level");
    }

    @Test
    void rejectsALevelWithoutADegradationOrWithCalibration() {
        assertThatThrownBy(() -> with(new ExpertConfig(Degradation.NONE, 0.3, Double.NaN, 50)))
                .hasMessage("expert.level: has no effect while expert.degradation is none; choose a degradation");
        assertViolations(() -> with(new ExpertConfig(Degradation.GAUSSIAN, 0.3, 0.4, 50)), "expert.level");
    }

    @Test
    void rejectsTargetsOutsideTheOpenUnitIntervalOrWithoutADegradation() {
        assertViolations(() -> with(new ExpertConfig(Degradation.GAUSSIAN, 0, 1, 50)), "expert.targetSuccess");
        assertViolations(() -> with(new ExpertConfig(Degradation.GAUSSIAN, 0, 0, 50)), "expert.targetSuccess");
        assertViolations(() -> with(new ExpertConfig(Degradation.NONE, 0, 0.4, 50)), "expert.targetSuccess");
    }

    @Test
    void rejectsFewerThanOneCalibrationEpisode() {
        assertViolations(() -> with(new ExpertConfig(Degradation.GAUSSIAN, 0, 0.4, 0)), "expert.calibrationEpisodes");
    }

    @Test
    void everySimulatorConfigurationValidatesItsExpertBlock() {
        ExpertConfig bad = new ExpertConfig(Degradation.NONE, 0, 2, 0);
        String[] fields = {"expert.targetSuccess", "expert.targetSuccess", "expert.calibrationEpisodes"};
        assertViolations(() -> AbsoluteCorrectionConfig.DEFAULTS.withExpert(bad), fields);
        assertViolations(() -> RelativeCorrectionConfig.DEFAULTS.withExpert(bad), fields);
        assertViolations(() -> PartialCorrectionConfig.DEFAULTS.withExpert(bad), fields);
        assertViolations(() -> ActionDistanceGateConfig.DEFAULTS.withExpert(bad), fields);
        assertViolations(() -> ValueGateConfig.DEFAULTS.withExpert(bad), fields);
        assertViolations(() -> RandomGateConfig.DEFAULTS.withExpert(bad), fields);
        assertViolations(() -> DaggerConfig.DEFAULTS.withExpert(bad), fields);
    }

    private static DaggerConfig with(ExpertConfig expert) {
        return DaggerConfig.DEFAULTS.withExpert(expert);
    }
}
