package io.corrigo.reports.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Comparison table")
class ComparisonTest {

    private static TrialOutcome trial(String learner, long seed, String state, int... successesOfTen) {
        List<TrialOutcome.Evaluation> evals = new java.util.ArrayList<>();
        for (int i = 0; i < successesOfTen.length; i++) {
            evals.add(new TrialOutcome.Evaluation(i * 5, successesOfTen[i], 10, successesOfTen[i] / 20.0));
        }
        return new TrialOutcome("two-route", "accurate", learner, seed, state, evals, 40 + seed, 20);
    }

    @Test
    void reportsTheMeanFinalProgressOfTheSameWindowWithItsSpreadOverSeeds() {
        List<CellSummary> rows = Comparison.summarize(List.of(
                trial("ibc", 1, "done", 0, 5, 8, 9, 10),
                trial("ibc", 2, "done", 0, 2, 6, 7, 8)), 3);
        // progress = successes / 20: seed 1's window (8, 9, 10) -> 0.45, seed 2's (6, 7, 8) -> 0.35
        assertThat(rows.get(0).progressMean()).isCloseTo(0.40, within(1e-12));
        assertThat(rows.get(0).progressSd()).isCloseTo(Math.sqrt(0.005), within(1e-12));
        assertThat(TextTable.render(rows, 3)).contains("0.400 ± 0.071");
    }

    @Test
    void poolsTheLastEvaluationsOfFinishedSeedsOnly() {
        List<CellSummary> rows = Comparison.summarize(List.of(
                trial("bc", 1, "done", 0, 5, 8, 9, 10),
                trial("bc", 2, "done", 0, 2, 6, 7, 8),
                trial("bc", 3, "failed")), 3);
        CellSummary bc = rows.get(0);
        assertThat(bc.seedsFinished()).isEqualTo(2);
        assertThat(bc.seedsFailed()).isEqualTo(1);
        assertThat(bc.seedsTotal()).isEqualTo(3);
        // last three: (8 + 9 + 10) + (6 + 7 + 8) = 48 of 60
        assertThat(bc.success()).hasValueSatisfying(i -> assertThat(i.estimate()).isCloseTo(0.8, within(1e-12)));
        assertThat(bc.finalMean()).isCloseTo(0.8, within(1e-12));
        assertThat(bc.bestMean()).isCloseTo(0.9, within(1e-12));
        assertThat(bc.feedbackMean()).isCloseTo(41.5, within(1e-12));
    }

    @Test
    void keepsRowsInPlannedOrder() {
        List<CellSummary> rows = Comparison.summarize(List.of(
                trial("bc", 1, "done", 1), trial("knn", 1, "done", 2), trial("bc", 2, "done", 3)), 3);
        assertThat(rows).extracting(CellSummary::learner).containsExactly("bc", "knn");
    }

    @Test
    void showsDashesForCellsWithoutFinishedSeeds() {
        String table = TextTable.render(Comparison.summarize(List.of(trial("bc", 1, "failed")), 3), 3);
        assertThat(table).contains("0/1 (1 failed)").contains("-");
    }
}
