package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study with a sweep, through the real host: validated, run, in the results table and in the site's report. */
@Epic("Studies")
@Feature("Sweeps")
class SweepIT {

    private static final String STUDY = """
            name: swept
            seeds: [1]
            budget: {episodes: 2, evalEvery: 2, evalEpisodes: 3}
            environments:
              - id: two-route
            feedback:
              - id: absolute
            learners:
              - id: bc
                hiddenSizes: [16]
                learningRate: {sweep: [1e-4, 0.003]}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void aSweptLearnerRunsAsOneConditionPerValueInTheTableAndTheReport() throws Exception {
        Files.writeString(home.resolve("swept.yaml"), STUDY);
        Distribution.Run bad = Distribution.cli(home, "validate", "swept.yaml", "--set",
                "learners[0].learningRate={sweep: {log-uniform: [0, 1], n: 2}}");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("learners[0].learningRate.sweep.log-uniform: expected [low, high] with low < high"
                + " and low > 0");

        Distribution.Run run = Distribution.cli(home, "run", "swept.yaml", "--no-server", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> learners = new ArrayList<>();
        json.readTree(run.out()).path("rows").forEach(r -> learners.add(r.path("learner").asText()));
        assertThat(learners).containsExactly("bc.learningRate-1e-4", "bc.learningRate-0.003");

        Distribution.Run table = Distribution.cli(home, "results", "swept");
        assertThat(table.out()).contains("bc.learningRate-1e-4", "bc.learningRate-0.003");

        Distribution.Run report = Distribution.cli(home, "report", "swept", "--out", "site");
        assertThat(report.exitCode()).as(report.err()).isZero();
        try (Stream<Path> files = Files.walk(home.resolve("site"))) {
            String all = String.join("\n", files.filter(Files::isRegularFile).map(SweepIT::read).toList());
            assertThat(all).contains("bc.learningRate-1e-4", "bc.learningRate-0.003");
        }
    }

    @Test
    void figuresOfAStoredStudyNameItsSeriesAndAxes() throws Exception {
        Files.writeString(home.resolve("swept.yaml"), STUDY);
        assertThat(Distribution.cli(home, "run", "swept.yaml", "--no-server").exitCode()).isZero();

        Distribution.Run figures = Distribution.cli(home, "figures", "swept", "--out", "figs");

        assertThat(figures.exitCode()).as(figures.err()).isZero();
        assertThat(figures.out()).contains("Wrote 15 files", "curves-episodes_two-route_absolute.svg", "matrix_two-route.svg",
                "aggregate_iqm.svg", "aggregate_profile.svg");
        for (String f : List.of("curves-episodes_two-route_absolute", "curves-effort_two-route_absolute", "matrix_two-route",
                "aggregate_iqm", "aggregate_profile")) {
            for (String ext : List.of(".svg", ".pdf", ".png")) {
                assertThat(home.resolve("figs/" + f + ext)).isNotEmptyFile();
            }
        }
        assertThat(Files.readString(home.resolve("figs/curves-episodes_two-route_absolute.svg")))
                .contains("x axis: training episodes; y axis: success rate",
                        "series: bc.learningRate-1e-4, bc.learningRate-0.003");
        assertThat(Distribution.cli(home, "figures", "unknown", "--out", "figs").exitCode()).isEqualTo(2);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
