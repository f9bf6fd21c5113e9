package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.Feedback;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.plugin.oracle.AbsoluteCorrectionConfig.Noise;
import io.corrigo.testkit.FeedbackSimulatorContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

/** CLIC's relative partial mode with directional noise, on the two-ball task: the contract and the zeros. */
@Epic("Feedback")
@Feature("partial")
class RelativePartialCorrectionSimulatorTest implements FeedbackSimulatorContract<PartialCorrectionConfig> {

    @Override
    public FeedbackSimulatorProvider<PartialCorrectionConfig> provider() {
        return new PartialCorrectionProvider();
    }

    @Override
    public Environment environment() {
        return BoxEnvironment.twoBalls();
    }

    @Override
    public PartialCorrectionConfig config() {
        return PartialCorrectionConfig.DEFAULTS.withRelative(true).withNoise(new Noise(45, 15, 0, false, 0.5));
    }

    @Test
    void directionsAreZeroInOneWholeBall() {
        assertThat(trial(71)).map(e -> e.response().feedback())
                .filteredOn(f -> f instanceof Feedback.RelativeCorrection)
                .isNotEmpty()
                .allSatisfy(f -> {
                    var h = ((Feedback.RelativeCorrection) f).direction();
                    boolean firstIdle = h.get(0) == 0 && h.get(1) == 0;
                    boolean secondIdle = h.get(2) == 0 && h.get(3) == 0;
                    assertThat(firstIdle ^ secondIdle).as("exactly one ball is corrected in %s", h).isTrue();
                });
    }
}
