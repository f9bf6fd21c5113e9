package io.corrigo.plugin.pusht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corrigo.api.ConfigException;
import io.corrigo.plugin.pusht.PushTConfig.ActionMode;
import io.corrigo.plugin.pusht.PushTConfig.ObservationMode;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Environments")
@Feature("push-t")
class PushTConfigTest {

    @Test
    void defaultsAreGymPushtsTaskWithClicsObservation() {
        PushTConfig d = new PushTProvider().defaultConfig();
        assertThat(d.actionMode()).isEqualTo(ActionMode.ABSOLUTE);
        assertThat(d.observation()).isEqualTo(ObservationMode.STACKED);
        assertThat(d.maxSteps()).isEqualTo(300);
        assertThat(d.successThreshold()).isEqualTo(0.95);
        assertThat(d.relativeScale()).isEqualTo(10.0);
    }

    @Test
    void clicPresetUsesRelativeActionsFiveHundredStepsAndCoverageEightyPercent() {
        assertThat(PushTConfig.CLIC.actionMode()).isEqualTo(ActionMode.RELATIVE);
        assertThat(PushTConfig.CLIC.maxSteps()).isEqualTo(500);
        assertThat(PushTConfig.CLIC.successThreshold()).isEqualTo(0.80);
    }

    @Test
    void rejectsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> new PushTConfig(null, null, 0, 1.0, 0))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).violations())
                        .extracting(ConfigException.Violation::field)
                        .containsExactly("actionMode", "observation", "maxSteps", "successThreshold", "relativeScale"));
    }

    @Test
    void rejectsAThresholdThatIsNotANumber() {
        assertThatThrownBy(() -> PushTConfig.DEFAULTS.withTask(300, Double.NaN))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("successThreshold");
    }

    @Test
    void providerDescribesItselfInOneLineWithAReference() {
        String description = new PushTProvider().description();
        assertThat(description).doesNotContain("\n").contains("arXiv:2303.04137");
        assertThat(new PushTProvider().configType()).isEqualTo(PushTConfig.class);
    }
}
