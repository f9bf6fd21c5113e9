package io.corrigo.plugin.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("pendulum")
class PendulumConfigTest {

    @Test
    void providerReturnsTheGymDefaults() {
        PendulumProvider provider = new PendulumProvider();
        assertThat(provider.configType()).isEqualTo(PendulumConfig.class);
        assertThat(provider.defaultConfig()).isEqualTo(new PendulumConfig(200, 2, Math.PI, 1, 0.1, 50));
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void rejectsAHoldLongerThanTheEpisode() {
        assertThatThrownBy(() -> new PendulumConfig(40, 2, Math.PI, 1, 0.1, 50))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("holdSteps"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new PendulumConfig(0, 0, 4, 9, 0, 0))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly(
                                "maxSteps", "maxTorque", "startAngle", "startSpeed", "uprightAngle", "holdSteps"));
    }

    @Test
    void acceptsTheBoundaries() {
        assertThat(new PendulumConfig(1, 0.1, 0, 0, Math.PI, 1).holdSteps()).isEqualTo(1);
        assertThat(new PendulumConfig(200, 2, Math.PI, 8, 0.1, 200).holdSteps()).isEqualTo(200);
    }
}
