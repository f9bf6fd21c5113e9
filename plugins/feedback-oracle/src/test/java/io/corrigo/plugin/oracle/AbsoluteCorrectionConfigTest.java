package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.corrigo.plugin.oracle.AbsoluteCorrectionConfig.Noise;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

@Epic("Feedback")
@Feature("absolute")
class AbsoluteCorrectionConfigTest {

    @Test
    void defaultsAreClicsAccurateTeacher() {
        AbsoluteCorrectionConfig c = new AbsoluteCorrectionProvider().defaultConfig();
        assertThat(c).isEqualTo(AbsoluteCorrectionConfig.DEFAULTS);
        assertThat(c.threshold()).isEqualTo(0.2);
        assertThat(c.consultEvery()).isEqualTo(2);
        assertThat(c.banked()).isTrue();
        assertThat(c.delayed()).isTrue();
        assertThat(c.noise()).isEqualTo(new Noise(0, 0, 0, false, 0.5));
    }

    @Test
    void missingNoiseMeansAnAccurateTeacher() {
        assertThat(new AbsoluteCorrectionConfig(0.2, 2, true, true, null).noise()).isEqualTo(Noise.DEFAULTS);
    }

    @Test
    void acceptsClicsNoisyConditions() {
        new AbsoluteCorrectionConfig(0.2, 2, true, true, new Noise(45, 15, 0, false, 0.5));
        new AbsoluteCorrectionConfig(0.05, 1, false, false, new Noise(180, 0, 1.5, true, 0.25));
        new AbsoluteCorrectionConfig(0, 2, true, true, Noise.DEFAULTS);
    }

    @Test
    void rejectsNegativeThreshold() {
        assertViolations(() -> new AbsoluteCorrectionConfig(-0.1, 2, true, true, Noise.DEFAULTS), "threshold");
    }

    @Test
    void rejectsNanThreshold() {
        assertViolations(() -> new AbsoluteCorrectionConfig(Double.NaN, 2, true, true, Noise.DEFAULTS), "threshold");
    }

    @Test
    void rejectsConsultEveryBelowOne() {
        assertViolations(() -> new AbsoluteCorrectionConfig(0.2, 0, true, true, Noise.DEFAULTS), "consultEvery");
    }

    @Test
    void rejectsDirectionalDegreesOutsideZeroTo180() {
        assertViolations(() -> noise(new Noise(-1, 0, 0, false, 0.5)), "noise.directionalDegrees");
        assertViolations(() -> noise(new Noise(181, 0, 0, false, 0.5)), "noise.directionalDegrees");
    }

    @Test
    void rejectsNegativeDirectionalBias() {
        assertViolations(() -> noise(new Noise(45, -15, 0, false, 0.5)), "noise.directionalBiasDegrees");
    }

    @Test
    void rejectsADirectionalBiasWithoutDirectionalNoise() {
        assertViolations(() -> noise(new Noise(0, 15, 0, false, 0.5)), "noise.directionalBiasDegrees");
    }

    @Test
    void rejectsMagnitudeMaxBetweenZeroAndTheLowerBound() {
        assertViolations(() -> noise(new Noise(0, 0, 0.001, false, 0.5)), "noise.magnitudeMax");
        assertViolations(() -> noise(new Noise(0, 0, -1, false, 0.5)), "noise.magnitudeMax");
    }

    @Test
    void rejectsNonPositiveGaussianScale() {
        assertViolations(() -> noise(new Noise(0, 0, 0, true, 0)), "noise.gaussianScale");
        assertViolations(() -> noise(new Noise(0, 0, 0, true, Double.POSITIVE_INFINITY)), "noise.gaussianScale");
    }

    @Test
    void reportsEveryProblemTogetherInFieldOrder() {
        assertViolations(() -> new AbsoluteCorrectionConfig(-1, 0, true, true, new Noise(200, -1, 0.0005, true, -2)),
                "threshold", "consultEvery", "noise.directionalDegrees", "noise.directionalBiasDegrees",
                "noise.magnitudeMax", "noise.gaussianScale");
    }

    @Test
    void messagesStateTheRuleAndTheValue() {
        assertThatThrownBy(() -> new AbsoluteCorrectionConfig(-0.1, 2, true, true, Noise.DEFAULTS))
                .hasMessage("threshold: must be >= 0 but was -0.1");
        assertThatThrownBy(() -> noise(new Noise(0, 0, 0.0005, false, 0.5)))
                .hasMessage("noise.magnitudeMax: must be 0 (off) or a finite number > 0.001 but was 5.0E-4");
    }

    @Test
    void withNoiseKeepsTheProtocol() {
        Noise gaussian = new Noise(0, 0, 0, true, 0.5);
        assertThat(AbsoluteCorrectionConfig.DEFAULTS.withNoise(gaussian))
                .isEqualTo(new AbsoluteCorrectionConfig(0.2, 2, true, true, gaussian));
    }

    private static AbsoluteCorrectionConfig noise(Noise noise) {
        return AbsoluteCorrectionConfig.DEFAULTS.withNoise(noise);
    }

    private static void assertViolations(ThrowingCallable creation, String... fields) {
        assertThatThrownBy(creation).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).violations())
                        .extracting(ConfigException.Violation::field).isEqualTo(List.of(fields)));
    }
}
