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
            assertThat(browser.driver.findElement(By.id("meta")).getText()).contains("running");
            browser.js("window.__samePage = 'yes';");
            browser.await(d -> d.findElement(By.id("meta")).getText().contains("finished")
                    && d.findElements(By.cssSelector("#matrix-table td.cell.filled")).size() == 2);
            assertThat(browser.js("return window.__samePage;")).isEqualTo("yes");
            assertThat(browser.driver.findElement(By.id("matrix-table")).getText()).contains("95% CI").contains("2/2 seeds");
            assertThat(browser.js("return document.querySelectorAll('#curves canvas').length;")).isEqualTo(2L);
            browser.screenshot("live-study.png");
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
            browser.driver.findElements(By.cssSelector("#trials a[href*='trial?id=']")).get(0).click();
            browser.await(d -> ((Number) browser.js("return typeof Replay !== 'undefined' ? Replay.state.frames.length : 0;")).intValue() > 0);
            browser.driver.findElement(By.id("play")).click();
            browser.await(d -> Integer.parseInt(d.findElement(By.id("scene")).getAttribute("data-frame")) >= 5);
            browser.screenshot("live-trial.png");
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
