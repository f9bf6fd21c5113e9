package io.corrigo.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.corrigo.core.internal.fixtures.TableLearner;
import io.corrigo.core.internal.fixtures.TestCatalog;
import io.corrigo.core.internal.run.Planner;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

@Epic("Studies")
@Feature("Sweeps")
class SweepsTest {

    private final StudyLoader loader = new StudyLoader(TestCatalog.standard());

    private static String study(String learners) {
        return """
                name: swept
                seeds: [1, 2]
                environments: [{id: line}]
                feedback: [{id: oracle}]
                learners:
                """ + learners;
    }

    @Test
    void aGridSweepBecomesOneLabelledConditionPerValueAndCombinesWithOtherSweeps() {
        StudySpec s = loader.loadText("s.yaml", study("""
                  - id: table
                    learningRate: {sweep: [1e-4, 0.001]}
                    hiddenSizes: {sweep: [[32], [64, 64]]}
                  - id: table
                    label: plain
                """), List.of());

        assertThat(s.learners()).extracting(PluginEntry::label).containsExactly(
                "table.learningRate-1e-4.hiddenSizes-32", "table.learningRate-1e-4.hiddenSizes-64x64",
                "table.learningRate-0.001.hiddenSizes-32", "table.learningRate-0.001.hiddenSizes-64x64", "plain");
        assertThat(s.learners()).extracting(e -> ((TableLearner.Config) e.config()).learningRate())
                .containsExactly(1e-4, 1e-4, 0.001, 0.001, 0.001);
        assertThat(((TableLearner.Config) s.learners().get(1).config()).hiddenSizes()).containsExactly(64, 64);
        assertThat(Planner.plan(s)).hasSize(10);
    }

    @Test
    void aRandomSweepDrawsTheSameValuesForTheSameSeedWithinItsRange() {
        String yaml = study("""
                  - id: table
                    learningRate: {sweep: {log-uniform: [1e-5, 1e-2], n: 4, seed: 7}}
                """);
        List<Double> rates = loader.loadText("s.yaml", yaml, List.of()).learners().stream()
                .map(e -> ((TableLearner.Config) e.config()).learningRate()).toList();

        assertThat(rates).hasSize(4).doesNotHaveDuplicates().allSatisfy(r -> assertThat(r).isBetween(1e-5, 1e-2));
        assertThat(loader.loadText("s.yaml", yaml, List.of()).learners().stream()
                .map(e -> ((TableLearner.Config) e.config()).learningRate()).toList()).isEqualTo(rates);
        assertThat(loader.loadText("s.yaml", yaml.replace("seed: 7", "seed: 8"), List.of()).learners().stream()
                .map(e -> ((TableLearner.Config) e.config()).learningRate()).toList()).isNotEqualTo(rates);
    }

    @Test
    void malformedSweepsAreReportedWhereTheyAreWithWhatWouldBeRight() {
        StudySpecException e = catchThrowableOfType(StudySpecException.class, () -> loader.loadText("s.yaml", study("""
                  - id: table
                    learningRate: {sweep: []}
                  - id: table
                    label: second
                    learningRate: {sweep: {log-uniform: [0, 1], n: 3}}
                  - id: table
                    label: third
                    learningRate: {sweep: {uniform: [0.1, 0.2], n: 3, sede: 1}}
                  - id: table
                    label: fourth
                    learningRate: {sweep: [0.1, -1]}
                """), List.of()));

        assertThat(e.problems()).extracting(Problem::path, p -> p.location().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("learners[0].learningRate.sweep", "s.yaml:7:27"),
                org.assertj.core.groups.Tuple.tuple("learners[1].learningRate.sweep.log-uniform", "s.yaml:10:41"),
                org.assertj.core.groups.Tuple.tuple("learners[2].learningRate.sweep.sede", "s.yaml:13:55"),
                org.assertj.core.groups.Tuple.tuple("learners[3].learningRate", "s.yaml:16:33"));
        assertThat(e.getMessage()).contains("expected a non-empty list of values or a random sweep but was an empty list",
                "expected [low, high] with low < high and low > 0", "Did you mean 'seed'?", "must be > 0 but was -1");
    }
}
