package io.corrigo.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Statistics")
class StratifiedBootstrapTest {

    private static final List<double[]> SCORES = List.of(
            new double[]{0.1, 0.4, 0.35, 0.8, 0.5}, new double[]{0.9, 0.7, 0.95, 0.6, 0.85},
            new double[]{0.2, 0.25, 0.1, 0.3, 0.0});

    @Test
    void sameSeedGivesTheSameInterval() {
        Interval a = StratifiedBootstrap.interval(SCORES, Iqm::ofRuns, 2_000, 7);
        Interval b = StratifiedBootstrap.interval(SCORES, Iqm::ofRuns, 2_000, 7);
        Interval c = StratifiedBootstrap.interval(SCORES, Iqm::ofRuns, 2_000, 8);
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(a.estimate()).isEqualTo(Iqm.ofRuns(SCORES));
        assertThat(a.low()).isLessThan(a.estimate());
        assertThat(a.high()).isGreaterThan(a.estimate());
    }

    @Test
    void resamplesRunsOnlyWithinTheirTask() {
        // every resample keeps five zeros and five ones, so the pooled mean never moves;
        // a bootstrap over all ten runs would spread it
        List<double[]> tasks = List.of(new double[]{0, 0, 0, 0, 0}, new double[]{1, 1, 1, 1, 1});
        Interval mean = StratifiedBootstrap.interval(tasks, StratifiedBootstrapTest::pooledMean, 1_000, 1);
        assertThat(mean).isEqualTo(new Interval(0.5, 0.5, 0.5));
    }

    @Test
    void coversTheTrueIqmAboutNinetyFivePercentOfTheTime() {
        // four tasks, runs uniform on [mu - 0.3, mu + 0.3] with mu = 0.2, 0.4, 0.6, 0.8: the mixture
        // is symmetric about 0.5, so its population IQM is exactly 0.5
        double[] centres = {0.2, 0.4, 0.6, 0.8};
        SplittableRandom random = new SplittableRandom(2024);
        int experiments = 400;
        int covered = 0;
        for (int e = 0; e < experiments; e++) {
            List<double[]> tasks = new ArrayList<>();
            for (double mu : centres) {
                tasks.add(random.doubles(10, mu - 0.3, mu + 0.3).toArray());
            }
            Interval i = StratifiedBootstrap.interval(tasks, Iqm::ofRuns, 1_000, e);
            covered += i.low() <= 0.5 && 0.5 <= i.high() ? 1 : 0;
        }
        assertThat(covered / (double) experiments).isBetween(0.90, 0.98);
    }

    @Test
    void computesSeveralStatisticsFromSharedReplicates() {
        List<Interval> both = StratifiedBootstrap.intervals(SCORES,
                runs -> new double[]{Iqm.ofRuns(runs), pooledMean(runs)}, 500, 3);
        assertThat(both).hasSize(2);
        assertThat(both.get(0)).isEqualTo(StratifiedBootstrap.interval(SCORES, Iqm::ofRuns, 500, 3));
    }

    @Test
    void rejectsATaskWithoutRuns() {
        assertThatThrownBy(() -> StratifiedBootstrap.interval(List.of(new double[0]), Iqm::ofRuns, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one run");
        assertThatThrownBy(() -> StratifiedBootstrap.interval(SCORES, Iqm::ofRuns, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples");
    }

    private static double pooledMean(List<double[]> runs) {
        double[] all = Iqm.flatten(runs);
        double sum = 0;
        for (double v : all) {
            sum += v;
        }
        return sum / all.length;
    }
}
