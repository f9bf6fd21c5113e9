package io.corrigo.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Learning toolkit")
@Feature("Learning-rate schedule")
class WarmupCosineScheduleTest {

    @Test
    void risesLinearlyThenFollowsHalfACosineToTheFloorAndStays() {
        WarmupCosineSchedule s = new WarmupCosineSchedule(1e-4, 0, 500, 1000);
        assertThat(s.rate(0)).isZero();
        assertThat(s.rate(250)).isCloseTo(5e-5, within(1e-12));
        assertThat(s.rate(500)).isCloseTo(1e-4, within(1e-12));
        assertThat(s.rate(1000)).isCloseTo(5e-5, within(1e-12));
        assertThat(s.rate(1500)).isCloseTo(0, within(1e-12));
        assertThat(s.rate(5000)).isCloseTo(0, within(1e-12));
        assertThat(new WarmupCosineSchedule(1e-4, 1e-5, 0, 100).rate(10_000)).isCloseTo(1e-5, within(1e-15));
    }

    @Test
    void withoutDecayTheRateStaysAtThePeak() {
        assertThat(new WarmupCosineSchedule(3e-4, 0, 10, 0).rate(1_000_000)).isEqualTo(3e-4);
    }

    @Test
    void rejectsAFloorAboveThePeak() {
        assertThatThrownBy(() -> new WarmupCosineSchedule(1e-4, 1e-3, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
