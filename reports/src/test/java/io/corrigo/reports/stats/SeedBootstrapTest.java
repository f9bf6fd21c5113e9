package io.corrigo.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Statistics")
class SeedBootstrapTest {

    @Test
    void spansTheWholeRangeForTwoOpposedSeeds() {
        // resampled means of {0, 1}: 0 (p = 1/4), 0.5 (1/2), 1 (1/4): the 2.5th percentile is 0, the 97.5th is 1
        assertThat(SeedBootstrap.meanInterval(new double[]{0, 1}, 10_000, 3)).isEqualTo(new Interval(0.5, 0, 1));
    }

    @Test
    void collapsesWhenSeedsAgree() {
        assertThat(SeedBootstrap.meanInterval(new double[]{0.6, 0.6, 0.6}, 1_000, 3))
                .isEqualTo(new Interval(0.6, 0.6, 0.6));
    }

    @Test
    void narrowsWithMoreSeeds() {
        double[] few = {0.2, 0.8, 0.5};
        double[] many = {0.2, 0.8, 0.5, 0.2, 0.8, 0.5, 0.2, 0.8, 0.5, 0.2, 0.8, 0.5};
        Interval a = SeedBootstrap.meanInterval(few, 5_000, 1);
        Interval b = SeedBootstrap.meanInterval(many, 5_000, 1);
        assertThat(b.high() - b.low()).isLessThan(a.high() - a.low());
        assertThat(b.estimate()).isEqualTo(a.estimate());
    }
}
