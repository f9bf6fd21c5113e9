package io.corrigo.plugin.oracle;

import static io.corrigo.plugin.oracle.ConfigAssertions.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.plugin.oracle.AbsoluteCorrectionConfig.Noise;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

/** The relative and partial simulators' configurations. */
@Epic("Feedback")
@Feature("relative and partial")
class CorrectionConfigsTest {

    @Test
    void relativeDefaultsAreClicsAccurateGimmeTeacher() {
        assertThat(new RelativeCorrectionProvider().defaultConfig()).isEqualTo(new RelativeCorrectionConfig(0.2, 2, true,
                true, 0.2, new RelativeCorrectionConfig.Noise(0, 0), ExpertConfig.DEFAULTS));
        assertThat(new RelativeCorrectionConfig(0.2, 2, true, true, 0.2, null, null).noise())
                .isEqualTo(RelativeCorrectionConfig.Noise.DEFAULTS);
    }

    @Test
    void relativeReportsEveryProblemTogether() {
        assertViolations(() -> new RelativeCorrectionConfig(-1, 0, true, true, 0,
                        new RelativeCorrectionConfig.Noise(200, -1), ExpertConfig.DEFAULTS),
                "threshold", "consultEvery", "magnitude", "noise.directionalDegrees", "noise.directionalBiasDegrees");
    }

    @Test
    void relativeRejectsABiasWithoutDirectionalNoise() {
        assertViolations(() -> RelativeCorrectionConfig.DEFAULTS.withNoise(new RelativeCorrectionConfig.Noise(0, 15)),
                "noise.directionalBiasDegrees");
    }

    @Test
    void partialDefaultsAreClicsNoiselessAbsolutePartialTeacher() {
        PartialCorrectionConfig c = new PartialCorrectionProvider().defaultConfig();
        assertThat(c).isEqualTo(new PartialCorrectionConfig(0.2, 2, true, true, false, 0.2, Noise.DEFAULTS,
                ExpertConfig.DEFAULTS));
    }

    @Test
    void partialAcceptsEveryAbsoluteNoiseModelInAbsoluteMode() {
        PartialCorrectionConfig.DEFAULTS.withNoise(new Noise(45, 15, 2, true, 0.5));
        PartialCorrectionConfig.DEFAULTS.withRelative(true).withNoise(new Noise(45, 15, 0, false, 0.5));
    }

    @Test
    void partialRelativeModeRejectsMagnitudeAndGaussianNoise() {
        assertViolations(() -> PartialCorrectionConfig.DEFAULTS.withNoise(new Noise(0, 0, 2, true, 0.5)).withRelative(true),
                "noise.magnitudeMax", "noise.gaussian");
    }

    @Test
    void partialReportsEveryProblemTogether() {
        assertViolations(() -> new PartialCorrectionConfig(-1, 0, true, true, false, -0.2,
                        new Noise(0, 0, 0, true, -1), ExpertConfig.DEFAULTS),
                "threshold", "consultEvery", "magnitude", "noise.gaussianScale");
    }
}
