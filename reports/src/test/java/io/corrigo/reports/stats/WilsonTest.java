package io.corrigo.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Statistics")
class WilsonTest {

    @Test
    void matchesHandComputedIntervalForSevenOfTen() {
        // p = 0.7, n = 10, z = 1.96: centre = (0.7 + 0.19208) / 1.38415 = 0.64457,
        // half = 1.96 / 1.38415 * sqrt(0.021 + 0.0096040) = 0.24771
        Interval i = Wilson.interval95(7, 10);
        assertThat(i.estimate()).isEqualTo(0.7);
        assertThat(i.low()).isCloseTo(0.3968, within(1e-4));
        assertThat(i.high()).isCloseTo(0.8922, within(1e-4));
    }

    @Test
    void staysInsideTheUnitIntervalAtTheExtremes() {
        Interval none = Wilson.interval95(0, 20);
        Interval all = Wilson.interval95(20, 20);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.1611, within(1e-4));
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.8389, within(1e-4));
    }

    @Test
    void rejectsMoreSuccessesThanTrials() {
        assertThatThrownBy(() -> Wilson.interval95(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
