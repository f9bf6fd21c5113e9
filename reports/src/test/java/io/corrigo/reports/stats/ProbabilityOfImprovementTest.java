package io.corrigo.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Statistics")
class ProbabilityOfImprovementTest {

    @Test
    void countsWinsAndHalfTiesOverAllRunPairs() {
        // 1 vs 2, 2: 0 + 0; 2 vs 2, 2: 0.5 + 0.5; 3 vs 2, 2: 1 + 1 -> 3 of 6
        assertThat(ProbabilityOfImprovement.of(List.of(new double[]{1, 2, 3}), List.of(new double[]{2, 2})))
                .isEqualTo(0.5);
    }

    @Test
    void averagesOverTasks() {
        // task 1: 0.9 beats 0.1 and 0.8, 0.8 beats 0.1 and ties 0.8 -> 3.5 / 4; task 2: 0.2 < 0.5 -> 0
        List<double[]> x = List.of(new double[]{0.9, 0.8}, new double[]{0.2});
        List<double[]> y = List.of(new double[]{0.1, 0.8}, new double[]{0.5});
        assertThat(ProbabilityOfImprovement.of(x, y)).isCloseTo(0.4375, within(1e-12));
        Interval i = ProbabilityOfImprovement.interval(x, y, 2_000, 5);
        assertThat(i.estimate()).isCloseTo(0.4375, within(1e-12));
        // task 2 never changes (one run each): the bootstrap only moves task 1, between 0.25 and 0.5
        assertThat(i.low()).isGreaterThanOrEqualTo(0.25);
        assertThat(i.high()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void isCertainWhenEveryRunIsBetter() {
        List<double[]> x = List.of(new double[]{0.9, 1.0, 0.95});
        List<double[]> y = List.of(new double[]{0.1, 0.2});
        assertThat(ProbabilityOfImprovement.interval(x, y, 500, 1)).isEqualTo(new Interval(1, 1, 1));
    }
}
