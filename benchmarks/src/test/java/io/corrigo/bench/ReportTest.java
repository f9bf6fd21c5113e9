package io.corrigo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@Epic("Benchmarks")
@Feature("Suite report")
class ReportTest {

    private static final String STEP = "MlpBench.trainStep batch=32";
    private static final String GEMM = "GemmBench.product";

    private static Map<String, Measurement> round(double step, double gemm) {
        return Map.of(STEP, new Measurement(STEP, step, step * 3, step, 100),
                GEMM, new Measurement(GEMM, gemm, gemm * 2, gemm, 100));
    }

    @Test
    void reportsTheMedianOfPerRoundMediansWithTheirSpread() {
        Report report = new Report(List.of(round(400, 800), round(600, 800), round(500, 800)), List.of(), List.of());
        Report.Summary s = Report.Summary.of(List.of(round(400, 800), round(600, 800), round(500, 800)), STEP);
        assertThat(s.p50()).isEqualTo(500);
        assertThat(s.min()).isEqualTo(400);
        assertThat(s.max()).isEqualTo(600);
        assertThat(report.markdown()).contains("500.0 µs [400.00–600.00]").contains("| — |");
    }

    @Test
    void comparesWithTheFasterPythonMallocSettingRoundByRound() {
        Report report = new Report(List.of(round(450, 800), round(500, 800)),
                List.of(round(1000, 900), round(1200, 900)), List.of(round(500, 700), round(400, 700)));
        Map.Entry<Report.Summary, Boolean> python = report.python(STEP);
        assertThat(python.getValue()).as("tuned malloc is faster").isTrue();
        double[] ratio = report.ratio(STEP);
        assertThat(ratio[1]).isCloseTo(0.9, within(1e-9));
        assertThat(ratio[2]).isCloseTo(1.25, within(1e-9));
        assertThat(ratio[0]).isCloseTo((0.9 + 1.25) / 2, within(1e-9));
        assertThat(report.markdown()).contains("(malloc tuned)").contains("×** [0.90–1.25]");
    }

    @Test
    void listsEveryRoundsRatioInRoundOrderAndCountsThoseAtOrBelowParity() {
        Report report = new Report(List.of(round(450, 800), round(600, 800), round(500, 800)),
                List.of(round(500, 900), round(500, 900), round(400, 900)), List.of());
        assertThat(report.ratios(STEP)).containsExactly(0.9, 1.2, 1.25);
        assertThat(report.perRound()).contains("| 0.90 1.20 1.25 | 1 of 3 |")
                .contains("| FP32 matrix product").contains("| 0.89 0.89 0.89 | 3 of 3 |");
        assertThat(new Report(List.of(round(450, 800)), List.of(), List.of()).perRound())
                .as("no Python side, no ratios").isEmpty();
    }

    @Test
    void measuresEveryRowAgainstTheFasterSidesMatrixProductRate() {
        Report report = new Report(List.of(round(500, 800)), List.of(round(500, 400)), List.of());
        assertThat(report.limitGflops()).isCloseTo(GemmBench.FLOPS / 400e3, within(1e-9));
        double limitMicros = Row.byKey(STEP).orElseThrow().flops() / report.limitGflops() / 1e3;
        assertThat(report.markdown()).contains(String.format(java.util.Locale.ROOT, "%.2f×", 500 / limitMicros));
    }

    @Test
    void timesReadInNanosecondsMicrosecondsOrMillisecondsByTheirSize() {
        assertThat(Report.time(0.187)).isEqualTo("187 ns");
        assertThat(Report.time(999.94)).isEqualTo("999.9 µs");
        assertThat(Report.time(1234.5)).isEqualTo("1.23 ms");
        assertThat(Report.time(Double.NaN)).isEqualTo("—");
    }
}
