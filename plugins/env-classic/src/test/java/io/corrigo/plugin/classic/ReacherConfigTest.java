package io.corrigo.plugin.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.corrigo.plugin.classic.ReacherConfig.ExpertMode;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("reacher")
class ReacherConfigTest {

    @Test
    void providerReturnsTheSpecDefaults() {
        ReacherProvider provider = new ReacherProvider();
        assertThat(provider.configType()).isEqualTo(ReacherConfig.class);
        assertThat(provider.defaultConfig()).isEqualTo(new ReacherConfig(50, 3, 0.01, 0.03, 0.2, ExpertMode.NEAREST));
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void rejectsTargetsOutOfReach() {
        assertThatThrownBy(() -> new ReacherConfig(50, 3, 0.01, 0.005, 0.25, ExpertMode.NEAREST))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field)
                        .containsExactly("minTargetRadius", "maxTargetRadius"));
    }

    @Test
    void rejectsARadiusRangeTheWrongWayRound() {
        assertThatThrownBy(() -> new ReacherConfig(50, 3, 0.01, 0.15, 0.1, ExpertMode.NEAREST))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly("maxTargetRadius"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new ReacherConfig(0, 0, 0.1, 0.03, 0.2, null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
                        .extracting(ConfigException.Violation::field).containsExactly(
                                "maxSteps", "maxJointSpeed", "successTolerance", "expertMode"));
    }

    @Test
    void acceptsTheWholeReachableAnnulus() {
        assertThat(new ReacherConfig(1, 1, 0.05, 0.01, 0.21, ExpertMode.ELBOW_UP).maxTargetRadius()).isEqualTo(0.21);
    }
}
