package io.corrigo.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Statistics")
class PerformanceProfileTest {

    private static final List<double[]> RUNS = List.of(new double[]{0.1, 0.5}, new double[]{0.5, 0.9});

    @Test
    void countsRunsStrictlyAboveEachThreshold() {
        assertThat(PerformanceProfile.fractions(RUNS, new double[]{0, 0.1, 0.5, 0.9}))
                .containsExactly(1.0, 0.75, 0.25, 0.0);
    }

    @Test
    void givesAnIntervalAtEveryThresholdOfTheUnitGrid() {
        List<PerformanceProfile.Point> profile = PerformanceProfile.of(RUNS, PerformanceProfile.unitGrid(), 1_000, 1);
        assertThat(profile).hasSize(21);
        assertThat(profile.get(0).tau()).isZero();
        assertThat(profile.get(20).tau()).isEqualTo(1.0);
        assertThat(profile.get(0).fraction()).isEqualTo(new Interval(1, 1, 1));
        PerformanceProfile.Point half = profile.get(10);
        assertThat(half.fraction().estimate()).isEqualTo(0.25);
        // the 0.9 run can be drawn twice or not at all: the fraction ranges over 0 .. 0.5
        assertThat(half.fraction().low()).isZero();
        assertThat(half.fraction().high()).isEqualTo(0.5);
    }

    @Test
    void neverRisesWithTheThreshold() {
        double[] f = PerformanceProfile.fractions(RUNS, PerformanceProfile.unitGrid());
        for (int i = 1; i < f.length; i++) {
            assertThat(f[i]).isLessThanOrEqualTo(f[i - 1]);
        }
    }
}
