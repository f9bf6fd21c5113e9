package io.corrigo.plugin.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("diffusion")
class NoiseScheduleTest {

    private final NoiseSchedule schedule = NoiseSchedule.squaredCosine(100);

    @Test
    void squaredCosineBetasMatchTheReferenceValues() {
        // baselines.md §3.3, from Diffusers' squaredcos_cap_v2 with T = 100
        assertThat(schedule.beta(0)).isCloseTo(6.3128e-4, within(1e-8));
        assertThat(schedule.beta(1)).isCloseTo(1.1169e-3, within(1e-7));
        assertThat(schedule.beta(49)).isCloseTo(3.0593e-2, within(1e-6));
        assertThat(schedule.beta(98)).isCloseTo(0.74994, within(1e-5));
        assertThat(schedule.beta(99)).isEqualTo(0.999);
    }

    @Test
    void cumulativeAlphasMatchTheReferenceValues() {
        assertThat(schedule.alphaBar(0)).isCloseTo(0.999369, within(1e-6));
        assertThat(schedule.alphaBar(49)).isCloseTo(0.493844, within(1e-6));
        assertThat(schedule.alphaBar(98)).isCloseTo(2.4286e-4, within(1e-8));
        assertThat(schedule.alphaBar(99)).isCloseTo(2.4286e-7, within(1e-11));
        assertThat(schedule.alphaBar(-1)).isEqualTo(1.0);
    }

    @Test
    void cumulativeAlphasDecreaseStrictly() {
        for (int i = 1; i < schedule.steps(); i++) {
            assertThat(schedule.alphaBar(i)).isLessThan(schedule.alphaBar(i - 1));
        }
    }
}
