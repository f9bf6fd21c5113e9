package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.corrigo.api.env.Environment;
import io.corrigo.api.feedback.FeedbackSimulator;
import io.corrigo.api.feedback.FeedbackSimulatorProvider;
import io.corrigo.plugin.oracle.ExpertConfig.Degradation;
import io.corrigo.testkit.TakeoverSimulatorContract;
import io.corrigo.testkit.TestRunContext;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

/**
 * The takeover contract with an intervening expert calibrated to 40 % success on the corridor:
 * calibration inside {@code create()} leaves a simulator that behaves like any other.
 */
@Epic("Feedback")
@Feature("suboptimal expert")
class CalibratedActionDistanceGateTest implements TakeoverSimulatorContract<ActionDistanceGateConfig> {

    @Override
    public FeedbackSimulatorProvider<ActionDistanceGateConfig> provider() {
        return new ActionDistanceGateProvider();
    }

    @Override
    public Environment environment() {
        return new CorridorEnvironment();
    }

    @Override
    public ActionDistanceGateConfig config() {
        return ActionDistanceGateConfig.DEFAULTS.withExpert(new ExpertConfig(Degradation.GAUSSIAN, 0, 0.4, 50));
    }

    @Override
    public int episodes() {
        return 12;
    }

    @Test
    void createNotesTheCalibration() {
        TestRunContext context = TestRunContext.withSeed(2);
        try (Environment env = environment(); FeedbackSimulator simulator = provider().create(config(), env, context)) {
            assertThat(context.notes()).containsKeys("expert.level", "expert.success");
            assertThat(Double.parseDouble(context.notes().get("expert.level"))).isBetween(0.5, 1.0);
        }
    }
}
