package io.corrigo.plugin.clic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.corrigo.api.ConfigException;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("CLIC")
@Feature("Optimiser")
class LearningRateScheduleTest {

    private static final double PEAK = 3e-4;

    @Test
    void warmsUpFromTheMinimumAsTheRepositorysTorchSchedulerDoes() {
        LearningRateSchedule s = LearningRateSchedule.REPOSITORY_TORCH;
        // CosineAnnealingWarmupRestarts(max_lr 3e-4, min_lr 1e-5, warmup_steps 10): 1e-5 + 2.9e-4·k/10
        assertThat(s.rate(PEAK, 0)).isCloseTo(1e-5, offset(1e-12));
        assertThat(s.rate(PEAK, 1)).isCloseTo(3.9e-5, offset(1e-12));
        assertThat(s.rate(PEAK, 2)).isCloseTo(6.8e-5, offset(1e-12));
        assertThat(s.rate(PEAK, 9)).isCloseTo(2.71e-4, offset(1e-12));
        assertThat(s.rate(PEAK, 10)).isCloseTo(3e-4, offset(1e-12));
    }

    @Test
    void decaysAlongHalfACosineAndRestartsEachCycle() {
        LearningRateSchedule s = new LearningRateSchedule(10, 110, 1e-5);
        assertThat(s.rate(PEAK, 60)).isCloseTo(1e-5 + 2.9e-4 / 2, offset(1e-12));
        assertThat(s.rate(PEAK, 109)).isCloseTo(1e-5 + 2.9e-4 * (1 + Math.cos(Math.PI * 99 / 100)) / 2, offset(1e-12));
        assertThat(s.rate(PEAK, 110)).isCloseTo(1e-5, offset(1e-12));
        assertThat(s.rate(PEAK, 115)).isEqualTo(s.rate(PEAK, 5));
    }

    @Test
    void constantScheduleKeepsThePeakAndWarmUpAloneStaysAtIt() {
        assertThat(LearningRateSchedule.CONSTANT.constant()).isTrue();
        assertThat(LearningRateSchedule.CONSTANT.rate(PEAK, 12_345)).isEqualTo(PEAK);
        LearningRateSchedule warmOnly = new LearningRateSchedule(4, 0, 0);
        assertThat(warmOnly.rate(PEAK, 2)).isCloseTo(1.5e-4, offset(1e-12));
        assertThat(warmOnly.rate(PEAK, 1_000_000)).isEqualTo(PEAK);
    }

    @Test
    void rejectsACycleNoLongerThanItsWarmUp() {
        assertThatThrownBy(() -> new LearningRateSchedule(10, 10, 1e-5))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                        .contains("schedule.cycleUpdates").contains("more than schedule.warmupUpdates (10)"));
    }
}
