package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.Action;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.StepResult;
import io.corrigo.testkit.EnvironmentContract;
import io.corrigo.testkit.TestRunContext;
import org.junit.jupiter.api.Test;

/** The test kit's environment contract (seeded resets, shapes, step limit, the expert solves it) and what this task adds. */
class IntegratorEnvironmentTest implements EnvironmentContract<IntegratorConfig> {

    @Override
    public EnvironmentProvider<IntegratorConfig> provider() {
        return new IntegratorProvider();
    }

    @Test
    void standingStillIsTruncatedAtTheStepLimitWithoutSuccess() {
        try (Environment env = provider().create(new IntegratorConfig(5, 0.1, 0.05), TestRunContext.withSeed(1))) {
            env.reset(3);
            StepResult last = null;
            for (int t = 0; t < 5; t++) {
                last = env.step(Action.of(0));
            }
            assertThat(last.truncated()).isTrue();
            assertThat(last.terminated()).isFalse();
            assertThat(last.info().success()).isFalse();
        }
    }

    @Test
    void refusesAToleranceAboveHalfTheLineNamingTheField() {
        assertThatThrownBy(() -> new IntegratorConfig(60, 0.1, 0.9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
    }
}
