package io.corrigo.plugin.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("cartpole")
class CartPoleConfigTest {

    @Test
    void providerReturnsTheSpecDefaults() {
        CartPoleProvider provider = new CartPoleProvider();
        assertThat(provider.configType()).isEqualTo(CartPoleConfig.class);
        assertThat(provider.defaultConfig()).isEqualTo(new CartPoleConfig(500, 10, 1, 0.2, 0.05));
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void rejectsStartAnglesAtOrBeyondTheFailureAngle() {
        assertThatThrownBy(() -> new CartPoleConfig(500, 10, 1, 0.21, 0.05))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("startAngle"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new CartPoleConfig(0, -1, 2.4, -0.1, 2))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly(
                                "maxSteps", "maxForce", "startPosition", "startAngle", "startVelocity"));
    }
}
