package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.corrigo.reports.stats.Interval;
import io.corrigo.reports.stats.Wilson;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint over real HTTP on loopback, against {@link DemoStudies}' hand-computed values. */
@Epic("Reports")
@Feature("Report API")
class ReportApiTest {

    private static ReportServer server;
    private static String api;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:01:40Z"), ZoneOffset.UTC);
        server = ReportServer.start(DemoStudies.create(), new MemoryFeed(), ReportServer.Options.defaults(), 60_000, clock);
        api = server.url() + "api";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsStudiesNewestFirst() {
        JsonNode studies = Http.json(api + "/studies").get("studies");
        assertThat(studies).extracting(s -> s.get("id").asLong()).containsExactly(2L, 1L);
        assertThat(studies.get(1).get("state").asText()).isEqualTo("finished");
        assertThat(studies.get(1).get("design").asText()).isEqualTo("1 env × 2 feedback × 2 learners × 2 seeds");
        assertThat(studies.get(1).get("cells").asInt()).isEqualTo(4);
        assertThat(studies.get(1).get("wallSeconds").asDouble()).isEqualTo(3600.0);
        assertThat(studies.get(1).get("description").asText()).isEqualTo("two learners on two-route, for tests");
    }

    @Test
    void reportsProgressWithAnEtaWhileRunning() {
        // 4 of 20 episodes in 100 s: 16 left at 25 s each
        JsonNode p = Http.json(api + "/studies/2").get("progress");
        assertThat(p.get("running").asInt()).isEqualTo(1);
        assertThat(p.get("pending").asInt()).isEqualTo(1);
        assertThat(p.get("episodesDone").asLong()).isEqualTo(4);
        assertThat(p.get("episodesTotal").asLong()).isEqualTo(20);
        assertThat(p.get("elapsedSeconds").asDouble()).isEqualTo(100.0);
        assertThat(p.get("etaSeconds").asDouble()).isEqualTo(400.0);
    }

    @Test
    void reportsAFinishedStudyWithoutEta() {
        JsonNode study = Http.json(api + "/studies/1");
        JsonNode p = study.get("progress");
        assertThat(p.get("done").asInt()).isEqualTo(7);
        assertThat(p.get("failed").asInt()).isEqualTo(1);
        assertThat(p.get("episodesTotal").asLong()).isEqualTo(140);
        assertThat(p.get("fraction").asDouble()).isEqualTo(1.0);
        assertThat(p.get("elapsedSeconds").asDouble()).isEqualTo(3600.0);
        assertThat(p.get("etaSeconds").isNull()).isTrue();
        assertThat(study.get("study").get("learners")).extracting(JsonNode::asText).containsExactly("bc", "clic");
        assertThat(study.get("study").get("manifest").at("/resolved/budget/episodes").asInt()).isEqualTo(20);
        assertThat(study.get("trials")).hasSize(8);
        assertThat(study.get("trials").get(5).get("error").asText()).isEqualTo("NaN loss at episode 3");
    }

    @Test
    void matrixCellsMatchHandComputedValues() {
        JsonNode m = Http.json(api + "/studies/1/matrix");
        assertThat(m.get("columns")).extracting(c -> c.get("feedback").asText()).containsExactly("accurate", "noisy");
        assertThat(m.get("resamples").asInt()).isEqualTo(Resampling.FINAL);
        assertThat(m.get("rules").get("final").asText()).contains("last 3 evaluations");
        JsonNode bcAccurate = m.get("rows").get(0).get("cells").get(0);
        // final windows: 6 + 8 and 4 + 6 of 40 rollouts
        Interval wilson = Wilson.interval95(24, 40);
        assertThat(bcAccurate.get("success").get("estimate").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(bcAccurate.get("success").get("low").asDouble()).isCloseTo(wilson.low(), within(1e-12));
        assertThat(bcAccurate.get("success").get("high").asDouble()).isCloseTo(wilson.high(), within(1e-12));
        // seeds 0.7 and 0.5: resampled means 0.5, 0.6, 0.7
        assertThat(bcAccurate.get("seedMean").get("low").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(bcAccurate.get("seedMean").get("high").asDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(bcAccurate.get("final").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(bcAccurate.get("best").asDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(bcAccurate.get("seedsFinished").asInt()).isEqualTo(2);
        assertThat(bcAccurate.get("feedbackEventsMean").asDouble()).isEqualTo(50.0);
        assertThat(bcAccurate.get("provisional").asBoolean()).isFalse();
        JsonNode bcNoisy = m.get("rows").get(0).get("cells").get(1);
        assertThat(bcNoisy.get("success").get("estimate").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(bcNoisy.get("seedsFinished").asInt()).isEqualTo(1);
        assertThat(bcNoisy.get("seedsFailed").asInt()).isEqualTo(1);
        assertThat(bcNoisy.get("trials")).extracting(t -> t.get("state").asText()).containsExactly("done", "failed");
        JsonNode clicAccurate = m.get("rows").get(1).get("cells").get(0);
        assertThat(clicAccurate.get("success").get("estimate").asDouble()).isCloseTo(35 / 40.0, within(1e-12));
        assertThat(clicAccurate.get("best").asDouble()).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void matrixOfARunningStudyIsProvisional() {
        JsonNode m = Http.json(api + "/studies/2/matrix");
        JsonNode cell = m.get("rows").get(0).get("cells").get(0);
        assertThat(m.get("resamples").asInt()).isEqualTo(Resampling.LIVE);
        assertThat(cell.get("provisional").asBoolean()).isTrue();
        assertThat(cell.get("seedsRunning").asInt()).isEqualTo(1);
        assertThat(cell.get("seedsFinished").asInt()).isZero();
        assertThat(cell.get("success").get("estimate").asDouble()).isZero();
    }

    @Test
    void curvesAverageTheSeedsAtEachEvaluation() {
        JsonNode c = Http.json(api + "/studies/1/curves");
        JsonNode accurate = c.get("conditions").get(0);
        assertThat(accurate.get("feedback").asText()).isEqualTo("accurate");
        JsonNode bc = accurate.get("lines").get(0);
        assertThat(bc.get("learner").asText()).isEqualTo("bc");
        assertThat(bc.get("points")).extracting(p -> p.get("episode").asInt()).containsExactly(0, 10, 20);
        assertThat(bc.get("points")).extracting(p -> Math.round(p.get("mean").asDouble() * 1e9) / 1e9)
                .containsExactly(0.05, 0.5, 0.7);
        JsonNode p10 = bc.get("points").get(1);
        assertThat(p10.get("seeds").asInt()).isEqualTo(2);
        assertThat(p10.get("low").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(p10.get("high").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(p10.get("feedbackEvents").asDouble()).isEqualTo(25.0);
        assertThat(p10.get("teacherSteps").asDouble()).isEqualTo(6.0);
        // bc/noisy: only seed 1 finished
        assertThat(c.get("conditions").get(1).get("lines").get(0).get("points").get(2).get("seeds").asInt()).isEqualTo(1);
    }

    @Test
    void aggregateMatchesRliableByHand() {
        JsonNode a = Http.json(api + "/studies/1/aggregate");
        assertThat(a.get("baseline").asText()).isEqualTo("bc");
        assertThat(a.get("resamples").asInt()).isEqualTo(50_000);
        JsonNode bc = a.get("learners").get(0);
        JsonNode clic = a.get("learners").get(1);
        // bc runs 0.7, 0.5 | 0.4: three runs, nothing trimmed; clic 0.95, 0.8 | 0.7, 0.8: middle two 0.8, 0.8
        assertThat(bc.get("iqm").get("estimate").asDouble()).isCloseTo(1.6 / 3, within(1e-12));
        assertThat(clic.get("iqm").get("estimate").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(clic.get("iqm").get("low").asDouble()).isLessThanOrEqualTo(0.8);
        assertThat(clic.get("iqm").get("high").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(bc.get("improvement").isNull()).isTrue();
        // every clic seed beats every bc seed on both tasks
        assertThat(clic.get("improvement").get("estimate").asDouble()).isEqualTo(1.0);
        assertThat(bc.get("tasks").asInt()).isEqualTo(2);
        assertThat(bc.get("runs").asInt()).isEqualTo(3);
        assertThat(bc.get("profile")).hasSize(21);
        assertThat(bc.get("profile").get(10).get("estimate").asDouble()).isCloseTo(1 / 3.0, within(1e-12));
        JsonNode againstClic = Http.json(api + "/studies/1/aggregate?baseline=clic");
        assertThat(againstClic.get("learners").get(0).get("improvement").get("estimate").asDouble()).isZero();
        assertThat(Http.get(api + "/studies/1/aggregate?baseline=nope").statusCode()).isEqualTo(400);
    }

    @Test
    void trialShowsCurveDiagnosticsEffortNotesAndRollouts() {
        JsonNode t = Http.json(api + "/trials/11");
        assertThat(t.get("trial").get("key").asText()).isEqualTo("two-route/accurate/bc/seed-1");
        assertThat(t.get("trial").get("notes").get("teacher").asText()).isEqualTo("scripted");
        assertThat(t.get("evaluations")).extracting(e -> e.get("rate").asDouble()).containsExactly(0.0, 0.6, 0.8);
        assertThat(t.get("score").get("final").asDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(t.get("score").get("best").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(t.get("effort").get("feedbackEvents").asLong()).isEqualTo(50);
        assertThat(t.get("effort").get("takeovers").asLong()).isEqualTo(3);
        assertThat(t.get("metrics")).extracting(m -> m.get("name").asText()).containsExactly("loss", "grad-norm");
        assertThat(t.get("metrics")).extracting(m -> m.get("unit").asText()).containsExactly("nats", "");
        assertThat(t.get("metrics").get(0).get("points")).hasSize(20);
        assertThat(t.get("rollouts")).extracting(r -> r.get("id").asLong()).containsExactly(101L, 102L);
        assertThat(Http.json(api + "/trials/16").get("trial").get("error").asText()).contains("NaN loss");
        assertThat(Http.json(api + "/trials/11/metrics")).hasSize(2);
        assertThat(Http.json(api + "/trials/11/rollouts")).hasSize(2);
    }

    @Test
    void servesRolloutFramesAsStored() {
        JsonNode frames = Http.json(api + "/rollouts/101");
        assertThat(frames).hasSize(13);
        assertThat(frames.get(3).get("feedback").asText()).isEqualTo("absolute");
        assertThat(frames.get(0).get("scene").get("actionFrame").get("scale").asDouble()).isEqualTo(0.3);
        assertThat(Http.get(api + "/rollouts/999").statusCode()).isEqualTo(404);
    }

    @Test
    void listsPluginsWithTheirDefaults() {
        JsonNode plugins = Http.json(api + "/plugins").get("plugins");
        assertThat(plugins).extracting(p -> p.get("id").asText()).containsExactly("two-route", "bc");
        assertThat(plugins.get(0).get("defaults").at("/noise/sigma").asDouble()).isEqualTo(0.1);
    }

    @Test
    void exportsEveryTableAsCsv() {
        HttpResponse<String> matrix = Http.get(api + "/studies/1/matrix?format=csv");
        assertThat(matrix.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        List<String> lines = List.of(matrix.body().split("\r\n"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("environment,feedback,learner,success,successLow,successHigh");
        assertThat(lines.get(1)).startsWith("two-route,accurate,bc,0.6,");
        assertThat(Http.get(api + "/plugins?format=csv").body()).contains("\"{\"\"maxSteps\"\":100,");
        List<String> tables = new ArrayList<>();
        for (String path : List.of("/studies", "/studies/1", "/studies/1/curves", "/studies/1/aggregate", "/trials/11",
                "/trials/11/metrics", "/trials/11/rollouts", "/plugins")) {
            HttpResponse<String> csv = Http.get(api + path + "?format=csv");
            assertThat(csv.statusCode()).as(path).isEqualTo(200);
            tables.add(csv.body().lines().findFirst().orElse(""));
        }
        assertThat(tables).allSatisfy(header -> assertThat(header).contains(","));
    }

    @Test
    void answersUnknownThingsWithJsonErrors() {
        HttpResponse<String> missing = Http.get(api + "/studies/99");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\"");
        assertThat(Http.get(api + "/studies/abc").statusCode()).isEqualTo(400);
        assertThat(Http.get(api + "/trials/99").statusCode()).isEqualTo(404);
        assertThat(Http.json(api).get("endpoints").has("/api/studies/{id}/matrix")).isTrue();
    }

    @Test
    void servesPagesAndChartJsFromTheClassPath() {
        for (String page : List.of("", "study?id=1", "trial?id=11", "plugins")) {
            HttpResponse<String> r = Http.get(server.url() + page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        }
        HttpResponse<String> chart = Http.get(server.url() + "assets/vendor/chart.umd.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart.js v4.4.1");
        assertThat(Http.get(server.url() + "assets/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    void compareDiffsTheStudyFilesAndGivesEachConditionInBothRunsWithTheDifferenceAndItsInterval() {
        MemoryReportData data = DemoStudies.create();
        DemoStudies.addRerun(data, 2);
        ReportServer server = ReportServer.start(data, new MemoryFeed(), ReportServer.Options.defaults());
        try {
            compare(server);
        } finally {
            server.close();
        }
    }

    private static void compare(ReportServer server) {
        JsonNode d = Http.json(server.url() + "api/compare?a=1&b=3");

        assertThat(d.path("a").path("id").asLong()).isEqualTo(1);
        assertThat(d.path("b").path("id").asLong()).isEqualTo(3);
        assertThat(d.path("specDiff").toString()).contains("{\"op\":\" \",\"line\":\"name: demo\"}",
                "{\"op\":\"+\",\"line\":\"learningRate: 0.003\"}");
        JsonNode cell = null;
        for (JsonNode c : d.path("cells")) {
            if (c.path("learner").asText().equals("clic") && c.path("feedback").asText().equals("accurate")) {
                cell = c;
            }
        }
        assertThat(cell).isNotNull();
        assertThat(cell.path("aSeeds").asInt()).isEqualTo(2);
        assertThat(cell.path("bSeeds").asInt()).isEqualTo(2);
        double a = cell.path("a").path("estimate").asDouble();
        double b = cell.path("b").path("estimate").asDouble();
        assertThat(cell.path("difference").path("estimate").asDouble()).isCloseTo(b - a, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cell.path("difference").path("low").asDouble()).isLessThanOrEqualTo(b - a);
        assertThat(cell.path("difference").path("high").asDouble()).isGreaterThanOrEqualTo(b - a);
        assertThat(Http.get(server.url() + "api/compare?a=1&b=3&format=csv").body()).startsWith("environment,feedback,learner,");
        assertThat(Http.get(server.url() + "api/compare?a=1&b=99").statusCode()).isEqualTo(404);
        assertThat(Http.get(server.url() + "api/compare?a=1").statusCode()).isEqualTo(400);
    }

    @Test
    void theStudysFiguresDownloadAsOneZip() throws Exception {
        java.net.http.HttpResponse<byte[]> zip = Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api + "/studies/1/figures.zip")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("content-type")).hasValue("application/zip");
        List<String> names = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).hasSize(21).contains("curves-episodes_two-route_accurate.svg", "matrix_two-route.pdf",
                "aggregate_iqm.svg", "aggregate_profile.png",
                "curves-effort_two-route_noisy.png");
        assertThat(Http.get(api + "/studies/99/figures.zip").statusCode()).isEqualTo(404);
    }
}
