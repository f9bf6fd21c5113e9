package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Report site")
@Feature("Figures")
class FiguresTest {

    @TempDir
    Path out;

    @Test
    void writesCurvesAgainstEpisodesAndEffortTheMatrixAndTheAggregatesAsSvgPdfAndPng() throws IOException {
        List<Path> files = Figures.write(DemoStudies.create(), 1, out);

        assertThat(files).extracting(p -> p.getFileName().toString()).contains(
                "curves-episodes_two-route_accurate.svg", "curves-episodes_two-route_noisy.pdf",
                "curves-effort_two-route_accurate.png", "matrix_two-route.svg", "matrix_two-route.pdf", "matrix_two-route.png");
        assertThat(files).hasSize(7 * 3).allSatisfy(f -> assertThat(f).exists().isNotEmptyFile());

        String svg = Files.readString(out.resolve("curves-episodes_two-route_accurate.svg"));
        assertThat(svg).startsWith("<?xml").contains("<svg role=\"img\" aria-label=\"Learning curves, two-route · accurate\"")
                .contains("<desc>x axis: training episodes; y axis: success rate (mean over seeds, 95% bootstrap band over"
                        + " seeds); series: bc, clic</desc>").contains("<path");
        assertThat(Files.readString(out.resolve("curves-effort_two-route_accurate.svg")))
                .contains("x axis: human effort: feedback events (mean, cumulative)");
        assertThat(Files.readString(out.resolve("matrix_two-route.svg"))).contains("<title>two-route: final success (%)</title>",
                "x axis: feedback condition (accurate, noisy); y axis: learner (bc, clic)");
        assertThat(new String(Files.readAllBytes(out.resolve("matrix_two-route.pdf")), 0, 5,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.readString(out.resolve("aggregate_iqm.svg"))).contains(
                "<title>Interquartile mean of the final success rate</title>",
                "x axis: IQM of the final success rate over every run of every task (dot) with its 95% stratified-bootstrap"
                        + " interval (bar); y axis: learner (bc, clic); 2 task(s)");
        assertThat(Files.readString(out.resolve("aggregate_profile.svg"))).contains("<title>Performance profiles</title>",
                "y axis: fraction of runs above tau (95% bootstrap band); series: bc, clic");
        BufferedImage png = ImageIO.read(out.resolve("curves-episodes_two-route_accurate.png").toFile());
        assertThat(png.getWidth()).isGreaterThanOrEqualTo(720);
    }

    @Test
    void refusesAnUnknownStudy() {
        assertThatThrownBy(() -> Figures.write(DemoStudies.create(), 42, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("42");
    }
}
