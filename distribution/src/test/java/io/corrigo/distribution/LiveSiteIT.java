package io.corrigo.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The report site of a real study: a second JVM runs it, Chromium and SSE clients watch. */
@Epic("Reports")
@Feature("Live report site")
class LiveSiteIT {

    private static final String STUDY = """
            name: live
            seeds: [1, 2]
            budget: {episodes: 6, evalEvery: 2, evalEpisodes: 5}
            environments:
              - id: two-route
            feedback:
              - {id: absolute, label: accurate}
              - {id: absolute, label: gaussian, noise: {gaussian: true}}
            learners:
              - id: bc
                hiddenSizes: [32, 32]
                endOfEpisodeUpdates: 150
            """;
    private static final Pattern STUDY_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)study\\?id=(\\d+)");

    @TempDir
    Path home;

    @Test
    void theStudyPageFillsInLiveWithoutReloadingAndServeShowsItAfterwardsWithAReplay() throws Exception {
        Files.writeString(home.resolve("live.yaml"), STUDY);
        Path err = home.resolve("run.err");
        Process run = Distribution.start(home, home.resolve("run.out"), err, "run", "live.yaml", "--port", "0", "--workers", "1");
        try (Browser browser = Browser.start()) {
            String url = urlOf(Distribution.awaitLine(err, "Live report:", run));
            browser.driver.get(url);
            browser.await(d -> d.findElements(By.cssSelector("#matrix-table td.cell")).size() == 2);
            assertThat(browser.text(By.id("meta"))).contains("running");
            browser.js("window.__samePage = 'yes';");
            browser.await(d -> d.findElement(By.id("meta")).getText().contains("finished")
                    && d.findElements(By.cssSelector("#matrix-table td.cell.filled")).size() == 2);
            assertThat(browser.js("return window.__samePage;")).isEqualTo("yes");
            assertThat(browser.text(By.id("matrix-table"))).contains("95% CI").contains("2/2 seeds");
            assertThat(browser.js("return document.querySelectorAll('#curves canvas').length;")).isEqualTo(2L);
            browser.screenshot("live-study.png");
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
            // the run's server is gone: the open page says so instead of reconnecting for ever
            browser.await(d -> d.findElement(By.id("live")).getText().contains("the server that ran it has stopped"));
        } finally {
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(run.exitValue()).as(Files.readString(err)).isZero();

        Path serveErr = home.resolve("serve.err");
        Process serve = Distribution.start(home, home.resolve("serve.out"), serveErr, "serve", "--port", "0");
        try (Browser browser = Browser.start()) {
            String line = Distribution.awaitLine(home.resolve("serve.out"), "Report site:", serve);
            String base = line.substring(line.indexOf("http://"), line.indexOf('/', line.indexOf("://") + 3) + 1);
            browser.driver.get(base + "study?id=1");
            browser.await(d -> d.findElements(By.cssSelector("#matrix-table td.cell.filled")).size() == 2);
            browser.await(d -> !d.findElements(By.cssSelector("#trials a[href*='trial?id=']")).isEmpty());
            browser.click(By.cssSelector("#trials a[href*='trial?id=']"));
            browser.await(d -> ((Number) browser.js("return typeof Replay !== 'undefined' ? Replay.state.frames.length : 0;")).intValue() > 0);
            browser.await(d -> d.findElement(By.id("live")).getText().contains("finished — up to date"));
            // the replay opens on the trained policy: the evaluation after the last episode
            browser.await(d -> !d.findElements(By.cssSelector("#rollout-table tbody tr.on")).isEmpty());
            assertThat(browser.text(By.cssSelector("#rollout-table tbody tr.on")))
                    .contains("evaluation").contains(" 6 ");
            browser.click(By.id("play"));
            browser.await(d -> Integer.parseInt(d.findElement(By.id("scene")).getAttribute("data-frame")) >= 5);
            browser.screenshot("live-trial.png");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunningClicHalfTrialsPageShowsItsLossGrowingAndATrainingReplayBeforeTheTrialEnds() throws Exception {
        Files.writeString(home.resolve("watch.yaml"), """
                name: watch
                seeds: [1]
                budget: {episodes: 10, evalEvery: 5, evalEpisodes: 2}
                environments: [{id: two-route}]
                feedback: [{id: absolute}]
                learners: [{id: clic-half, preset: cpu-small}]
                """);
        Path err = home.resolve("watch.err");
        Process run = Distribution.start(home, home.resolve("watch.out"), err, "run", "watch.yaml", "--port", "0",
                "--workers", "1");
        try (Browser browser = Browser.start()) {
            String url = urlOf(Distribution.awaitLine(err, "Live report:", run));
            browser.driver.get(url.substring(0, url.indexOf("study?")) + "trial?id=1");
            String points = "const cs = [...document.querySelectorAll('#metrics-charts canvas')].map((c) => Chart.getChart(c))"
                    + ".filter(Boolean); return Math.max(0, ...cs.map((c) => c.data.datasets[0].data.length));";
            browser.await(d -> ((Number) browser.js(points)).intValue() >= 1);
            int first = ((Number) browser.js(points)).intValue();
            assertThat(browser.js("return [...document.querySelectorAll('#metrics-charts canvas')]"
                    + ".map((c) => c.getAttribute('data-metric')).join(',');")).asString().contains("loss");
            assertThat(browser.js("return document.querySelector('#metrics-charts canvas[data-metric=loss]')"
                    + ".getAttribute('aria-label');")).as("the unit clic-half gave its loss").asString().contains("loss (nats)");
            browser.await(d -> !d.findElements(By.cssSelector("#rollout-table tbody tr")).isEmpty());
            assertThat(browser.text(By.id("rollout-table"))).contains("training");
            browser.await(d -> ((Number) browser.js(points)).intValue() > first);
            assertThat(browser.text(By.id("meta"))).as("all of it before the trial ended")
                    .contains("running");
            browser.click(By.cssSelector("#rollout-table tbody tr"));
            browser.await(d -> ((Number) browser.js("return typeof Replay !== 'undefined' ? Replay.state.frames.length : 0;"))
                    .intValue() > 0);
            browser.screenshot("running-trial.png");
        } finally {
            run.destroy();
            run.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void anEnergyLearnersTrialShowsItsActionLandscapeAtAChosenStateOfTheReplay() throws Exception {
        Files.writeString(home.resolve("landscape.yaml"), """
                name: landscape
                seeds: [1]
                budget: {episodes: 2, evalEvery: 2, evalEpisodes: 1}
                environments: [{id: toy-two-circles}]
                feedback: [{id: absolute}]
                learners: [{id: clic-half, preset: cpu-small, endOfEpisodeUpdates: 20}]
                """);
        Path err = home.resolve("landscape.err");
        Process run = Distribution.start(home, home.resolve("landscape.out"), err, "run", "landscape.yaml", "--no-server");
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(err)).isZero();
        // inside Felix, the bundle's JNI library gives the penalty libtorch's own autograd.grad
        assertThat(StoreRows.column(home, "SELECT notes_json FROM trials WHERE study_id = 1").get(0))
                .contains("\"clic-half.gradientPenalty\":\"exact double back-propagation; on: libtorch's torch::autograd::grad");

        Process serve = Distribution.start(home, home.resolve("serve.out"), home.resolve("serve.err"), "serve", "--port", "0");
        try (Browser browser = Browser.start()) {
            String line = Distribution.awaitLine(home.resolve("serve.out"), "Report site:", serve);
            browser.driver.get(line.substring(line.indexOf("http://"), line.indexOf('/', line.indexOf("://") + 3) + 1) + "trial?id=1");
            // the evaluation after the last episode (the one before training shows the flat, untrained landscape)
            browser.await(d -> !d.findElements(By.xpath("//table[@id='rollout-table']//tr[td[2]='evaluation' and td[3]='2']")).isEmpty());
            browser.click(By.xpath("//table[@id='rollout-table']//tr[td[2]='evaluation' and td[3]='2']"));
            browser.await(d -> d.findElement(By.id("landscape-panel")).isDisplayed());
            List<String> jumps = browser.driver.findElements(By.cssSelector("#landscape-jumps button")).stream()
                    .map(b -> b.getText()).toList();
            assertThat(jumps).containsExactly("t = 1", "t = 2", "t = 3", "t = 25", "t = 50", "t = 75");
            browser.driver.findElements(By.cssSelector("#landscape-jumps button")).get(1).click();
            browser.await(d -> "2".equals(d.findElement(By.id("landscape")).getAttribute("data-t")));
            assertThat(browser.attribute(By.id("scene"), "data-frame")).isEqualTo("1");
            // the drawn landscape is the recorded one: normalised, peaked, with the corrections overlaid
            Object stats = browser.js("""
                    const l = Replay.state.frames[1].landscape;
                    return [Math.min(...l.density), Math.max(...l.density), l.density.length, l.overlay.length];""");
            assertThat((List<?>) stats).extracting(o -> ((Number) o).doubleValue()).satisfies(v -> {
                assertThat(v.get(0)).isLessThan(0.5);
                assertThat(v.get(1)).isEqualTo(1.0);
                assertThat(v.get(2)).isEqualTo(41.0 * 41);
                assertThat(v.get(3)).isPositive();
            });
            browser.screenshot("landscape.png");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void fiftyLiveClientsEachReceiveTheFinalStateOfTheStudy() throws Exception {
        Files.writeString(home.resolve("live.yaml"), STUDY.replace("name: live", "name: quiet"));
        long quiet = timedRun("quiet", 0);
        Files.writeString(home.resolve("live.yaml"), STUDY.replace("name: live", "name: watched"));
        long watched = timedRun("watched", 50);
        System.out.printf("study wall time: %d ms without clients, %d ms with 50 live clients (%+.1f %%)%n",
                quiet, watched, 100.0 * (watched - quiet) / quiet);
    }

    /** Runs the study with {@code clients} SSE clients attached; returns its wall time. */
    private long timedRun(String name, int clients) throws Exception {
        Path err = home.resolve(name + ".err");
        long start = System.nanoTime();
        Process run = Distribution.start(home, home.resolve(name + ".out"), err, "run", "live.yaml", "--port", "0");
        Matcher m = STUDY_URL.matcher(Distribution.awaitLine(err, "Live report:", run));
        assertThat(m.find()).isTrue();
        URI events = URI.create(m.group(1) + "api/studies/" + m.group(2) + "/events");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<java.util.stream.Stream<String>>>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(events).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }
        List<CompletableFuture<Boolean>> sawEnd = new ArrayList<>();
        for (CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> c : calls) {
            sawEnd.add(c.thenApplyAsync(r -> r.body().anyMatch(l -> l.equals("event: study-finished"))));
        }
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        long wall = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.exitValue()).as(Files.readString(err)).isZero();
        for (CompletableFuture<Boolean> f : sawEnd) {
            assertThat(f.get(1, TimeUnit.MINUTES)).as("a client received study-finished").isTrue();
        }
        return wall;
    }

    private static String urlOf(String line) {
        Matcher m = STUDY_URL.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no study URL in: " + line);
        }
        return m.group();
    }
}
