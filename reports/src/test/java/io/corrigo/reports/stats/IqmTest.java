package io.corrigo.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Statistics")
class IqmTest {

    @Test
    void averagesTheMiddleHalfOfOneToEight() {
        // 8 scores: trim 2 each side, mean of 3, 4, 5, 6
        assertThat(Iqm.of(new double[]{8, 1, 7, 2, 6, 3, 5, 4})).isEqualTo(4.5);
    }

    @Test
    void trimsTheFloorOfAQuarterFromEachEnd() {
        // 5 scores: trim 1 each side, mean of 2, 3, 4
        assertThat(Iqm.of(new double[]{1, 2, 3, 4, 5})).isEqualTo(3.0);
        // 3 scores: nothing trimmed
        assertThat(Iqm.of(new double[]{0, 0, 3})).isEqualTo(1.0);
    }

    @Test
    void ignoresAnOutlierRun() {
        assertThat(Iqm.of(new double[]{100, 1, 2, 3})).isEqualTo(2.5);
    }

    @Test
    void poolsRunsOfAllTasks() {
        assertThat(Iqm.ofRuns(List.of(new double[]{1, 2}, new double[]{3, 4}, new double[]{5, 6}, new double[]{7, 8})))
                .isEqualTo(4.5);
    }

    @Test
    void isNotANumberWithoutScores() {
        assertThat(Iqm.of(new double[0])).isNaN();
    }

    @Test
    void interpolatesPercentilesLikeNumPy() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(Percentile.of(sorted, 0.5)).isEqualTo(2.5);
        assertThat(Percentile.of(sorted, 0.25)).isEqualTo(1.75);
        assertThat(Percentile.of(sorted, 1)).isEqualTo(4);
    }
}
