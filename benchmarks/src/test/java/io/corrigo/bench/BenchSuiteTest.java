package io.corrigo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Benchmarks")
@Feature("Suite command")
class BenchSuiteTest {

    @Test
    void rejectsAFilterThatMatchesNoRowAndListsTheRows() {
        assertThatThrownBy(() -> BenchSuite.parse(new String[] {"--filter", "Langevn"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matches no row").hasMessageContaining("EnergyBench.actLangevin shape=3x128");
    }

    @Test
    void rejectsNonPositiveRoundsAndSecondsWithWhatWouldBeRight() {
        assertThatThrownBy(() -> BenchSuite.parse(new String[] {"--rounds", "0"}))
                .hasMessageContaining("--rounds needs a whole number >= 1, got '0'");
        assertThatThrownBy(() -> BenchSuite.parse(new String[] {"--measure", "-1"}))
                .hasMessageContaining("--measure needs seconds > 0");
        assertThatThrownBy(() -> BenchSuite.parse(new String[] {"--warmup"}))
                .hasMessageContaining("missing value: --warmup");
    }

    @Test
    void selectsTheStudyRowsByFilterAndSkipsThemOnRequest() {
        assertThat(BenchSuite.parse(new String[] {}).study()).isTrue();
        assertThat(BenchSuite.parse(new String[] {"--filter", "Study"}).study()).isTrue();
        assertThat(BenchSuite.parse(new String[] {"--filter", "PredictBench"}).study()).isFalse();
        assertThat(BenchSuite.parse(new String[] {"--no-study"}).study()).isFalse();
        assertThatThrownBy(() -> BenchSuite.parse(new String[] {"--filter", "Stdy"}))
                .hasMessageContaining("Study.quickstart workers=1,2").hasMessageContaining("Study.quickstart cluster workers=1,2");
    }

    @Test
    void runsTheKernelRowsOnlyWhenTheFilterNamesThem() {
        java.util.function.Function<String, java.util.List<String>> keys =
                f -> Row.selected(java.util.regex.Pattern.compile(f)).stream().map(Row::key).toList();
        assertThat(keys.apply("")).isEqualTo(Row.all().stream().map(Row::key).toList()).noneMatch(k -> k.startsWith("KernelBench"));
        assertThat(keys.apply("KernelBench")).hasSize(8).allMatch(k -> k.startsWith("KernelBench.op op="));
        assertThat(keys.apply("bmm-n1")).containsExactly("KernelBench.op op=bmm-n1", "KernelBench.op op=bmm-n1-grad");
        assertThat(keys.apply("RlifBench|op=sum")).containsExactly("RlifBench.step", "KernelBench.op op=sum-rows");
        assertThatThrownBy(() -> BenchSuite.parse(new String[] {"--filter", "KernelBnch"}))
                .hasMessageContaining("matches no row").hasMessageContaining("KernelBench.op op=layer-norm");
    }

    @Test
    void studyTableGivesTrialsPerMinuteAndTheSpeedUpOverOneWorkerOfTheSameKindInTheSameRound(@TempDir Path dir) {
        StudyThroughput study = new StudyThroughput(dir, true, true);
        assertThat(study.markdown()).isEmpty();
        assertThat(study.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("no ./corrigo launcher"));
        study.add(new StudyThroughput.Mode(false, 1), 36);
        study.add(new StudyThroughput.Mode(false, 2), 20);
        study.add(new StudyThroughput.Mode(false, 1), 40);
        study.add(new StudyThroughput.Mode(false, 2), 25);
        study.add(new StudyThroughput.Mode(true, 1), 50);
        study.add(new StudyThroughput.Mode(true, 2), 40);
        assertThat(study.markdown())
                .contains("| local, 1 worker | 38.0 s [36.0–40.0] | 14.2 | — |")
                .contains("| local, 2 workers | 22.5 s [20.0–25.0] | 24.0 | **1.70×** [1.60–1.80] |")
                .contains("| cluster, 2 workers | 40.0 s [40.0–40.0] | 13.5 | **1.25×** [1.25–1.25] |");
    }

    @Test
    void runsTheJmhSideInASecondJvmAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.md");
        BenchSuite.Options options = BenchSuite.parse(new String[] {"--rounds", "1", "--warmup", "0.2", "--measure",
            "0.3", "--filter", "PredictBench", "--no-python", "--out", out.toString()});
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(BenchSuite.run(options, new PrintStream(log, true, StandardCharsets.UTF_8))).isZero();
        String report = Files.readString(out);
        assertThat(report).contains("| single-sample inference, same MLP |").contains("| FP32 matrix product 1024×256 · 256×256 |").contains("FP32 limit: ")
                .contains("Matrix products: ").contains("Gradient penalty (Corrigo): ").contains("Adam update (Corrigo): ").contains("ReLU (Corrigo): ");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Corrigo's side only (--no-python)");
    }
}
