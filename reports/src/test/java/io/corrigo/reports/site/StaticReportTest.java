package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Epic("Reports")
@Feature("Static report")
class StaticReportTest {

    @TempDir
    Path out;

    @Test
    void writesOneSelfContainedPageWithItsDataAndTheTablesBesideIt() throws IOException {
        Path index = StaticReport.write(DemoStudies.create(), 1, out.resolve("demo"));
        String html = Files.readString(index);
        assertThat(index.getFileName().toString()).isEqualTo("index.html");
        assertThat(html).doesNotContain("/assets/").doesNotContain("src=\"http").contains("Chart.js v4.4.1").contains("Hammer.JS")
                .contains("window.CORRIGO_STATIC = ");
        assertThat(count(html, "<script>")).isEqualTo(count(html, "</script>")).isEqualTo(7);
        assertThat(Files.readString(out.resolve("demo/matrix.csv"))).contains("two-route,accurate,bc,0.6,");
        assertThat(out.resolve("demo/curves.csv")).exists();
        assertThat(out.resolve("demo/aggregate.csv")).exists();
        assertThat(out.resolve("demo/trials.csv")).exists();
        JsonNode data = Json.MAPPER.readTree(out.resolve("demo/data.json").toFile());
        JsonNode responses = data.get("responses");
        assertThat(responses.has("/api/studies/1/matrix")).isTrue();
        assertThat(responses.has("/api/studies/1/aggregate?baseline=clic")).isTrue();
        assertThat(responses.get("/api/studies/1/aggregate").get("resamples").asInt()).isEqualTo(Resampling.FINAL);
    }

    @Test
    void keepsEmbeddedTextFromClosingTheScript() throws IOException {
        MemoryReportData data = DemoStudies.create();
        data.updateStudy(1, s -> new io.corrigo.reports.data.StudyRow(s.id(), "</script><b>x", s.state(), s.device(),
                s.trialsTotal(), s.trialsDone(), s.trialsFailed(), s.trialsRunning(), s.createdAt(), s.finishedAt()));
        String html = Files.readString(StaticReport.write(data, 1, out));
        assertThat(html).doesNotContain("</script><b>x").contains("\\u003c/script>\\u003cb>x");
    }

    @Test
    void refusesAnUnknownStudy() {
        assertThatThrownBy(() -> StaticReport.write(DemoStudies.create(), 42, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("42");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
