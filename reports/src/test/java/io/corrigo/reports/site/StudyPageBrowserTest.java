package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The pages in headless Chromium (Debian's chromium and chromium-driver) against a server whose data
 * changes while the page is open. Screenshots go to target/screenshots/.
 */
@Epic("Reports")
@Feature("Report pages")
class StudyPageBrowserTest extends BrowserTestBase {

    @Test
    void theStudyPageFillsInLiveAndATrialReplaysItsRollout() throws IOException {
        LiveStudy study = new LiveStudy(data, feed);
        browser.get("http://127.0.0.1:" + server.port() + "/study?id=" + LiveStudy.ID + "&token=browser-token");
        await(d -> d.findElements(By.cssSelector("#matrix-table td.cell")).size() == 12);
        assertThat(filledCells()).isZero();
        js("window.__samePage = 'yes';");

        study.evaluate(0);
        study.evaluate(10);
        await(d -> filledCells() == 12);
        study.evaluate(20);
        study.evaluate(30);
        study.finish("two-route");
        await(d -> d.findElement(By.id("progress")).getText().contains("18 / 36 trials done")
                && text("#matrix-table").contains("3/3 seeds"));
        assertThat(js("return window.__samePage;")).isEqualTo("yes");
        assertThat(text("#matrix-table")).contains("95% CI").contains("best");
        await(d -> Long.valueOf(4).equals(js("return document.querySelectorAll('#curves canvas').length;")));
        Object points = js("const c = Chart.getChart(document.querySelector('#curves canvas'));"
                + " return c.data.datasets.filter(d => !d.band).map(d => d.data.length);");
        assertThat((List<?>) points).hasSize(3).allSatisfy(n -> assertThat(((Number) n).intValue()).isEqualTo(4));
        await(d -> text("#aggregate-table").contains("clic-half"));
        click("#x-axis button[data-x=feedbackEvents]");
        assertThat(js("return Chart.getChart(document.querySelector('#curves canvas')).options.scales.x.title.text;"))
                .asString().contains("feedback events");
        click("#x-axis button[data-x=episode]");
        screenshot("study.png");

        click("#matrix-table td.cell[data-learner='clic-half'][data-environment='two-route']"
                + "[data-feedback='noisy']");
        await(d -> d.findElements(By.cssSelector("#cell-trials tbody tr")).size() == 3);
        click("#cell-trials tbody tr a");
        await(d -> d.getCurrentUrl().contains("/trial?id="));
        await(d -> frames() > 0 && d.findElements(By.cssSelector("#timeline .mark")).size() >= 3);
        assertThat(attribute("#scene", "data-frame")).isEqualTo("0");
        click("#play");
        await(d -> Integer.parseInt(attribute("#scene", "data-frame")) >= 5);
        assertThat(text("#frame-label")).startsWith("frame ");
        assertThat(text("#scene-legend")).contains("agent", "goal", "trail: the agent's last 40 steps");
        assertThat(text("#cards")).contains("feedback events").contains("teacher-executed steps");
        assertThat(js("return document.querySelectorAll('#metrics-charts canvas').length;")).isEqualTo(1L);
        screenshot("trial.png");
    }

    @Test
    void aCellWithOneScoredSeedDrawsNoIntervalOverSeeds() throws IOException {
        browser.get("http://127.0.0.1:" + server.port() + "/study?id=1&token=browser-token");
        await(d -> d.findElements(By.cssSelector("#matrix-table td.cell.filled")).size() == 4);
        String oneSeed = text("#matrix-table td.cell[data-learner='bc'][data-feedback='noisy']");
        assertThat(oneSeed).contains("1 seed: no interval").doesNotContain("seeds 40");
        String twoSeeds = text("#matrix-table td.cell[data-learner='bc'][data-feedback='accurate']");
        assertThat(twoSeeds).contains("seeds ");
        Object worst = js("const lum = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };"
                + "const L = (s) => { const [r, g, b] = s.match(/\\d+/g).map(Number); return 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b); };"
                + "return Math.min(...[...document.querySelectorAll('#matrix-table td.cell.filled')].map((td) => {"
                + " const cs = getComputedStyle(td); const a = L(cs.backgroundColor), b = L(cs.color);"
                + " return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }));");
        assertThat(((Number) worst).doubleValue()).as("WCAG AA contrast of the cells' text").isGreaterThanOrEqualTo(4.5);

        // every data table sorts by a header and filters by text
        await(d -> d.findElements(By.cssSelector("#trials tbody tr")).size() == 8);
        WebElement seed = browser.findElement(By.xpath("//div[@id='trials']//th[button[normalize-space(.)='seed']]"));
        seed.findElement(By.tagName("button")).click();
        seed.findElement(By.tagName("button")).click();
        assertThat(seed.getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(text("#trials tbody tr td:nth-child(5)")).isEqualTo("2");
        WebElement filter = browser.findElement(By.cssSelector("#trials caption input"));
        filter.sendKeys("clic");
        assertThat(browser.findElements(By.cssSelector("#trials tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText)).hasSize(4).allSatisfy(row -> assertThat(row).contains("clic"));
    }

    @Test
    void theStudiesAndPluginsPagesListTheirRows() throws IOException {
        browser.get(server.url());
        await(d -> d.findElements(By.cssSelector("#studies-table tbody tr")).size() == 2);
        assertThat(text("#studies-table")).contains("demo").contains("live").contains("finished");
        browser.findElement(By.linkText("Plugins")).click();
        await(d -> d.findElements(By.cssSelector("#plugins-table tbody tr")).size() == 2);
        assertThat(text("#plugins-table")).contains("two-route").contains("sigma: 0.1");
        screenshot("plugins.png");
    }

    @Test
    void curvesOverlayTheLearnersWithALegendAndDraggingAcrossOneZoomsItsXAxis() throws IOException {
        browser.get("http://127.0.0.1:" + server.port() + "/study?id=1&token=browser-token");
        await(d -> d.findElements(By.cssSelector("#curves canvas")).size() == 2);
        String range = "const c = Chart.getChart(document.querySelectorAll('#curves canvas')[0]);"
                + " return [c.scales.x.min, c.scales.x.max];";
        await(d -> ((List<?>) js(range)).size() == 2 && ((Number) ((List<?>) js(range)).get(1)).doubleValue() > 0);
        assertThat(js("return Chart.getChart(document.querySelectorAll('#curves canvas')[0]).data.datasets"
                + ".filter((d) => !d.band).map((d) => d.label).join(',');")).isEqualTo("bc,clic");
        List<?> before = (List<?>) js(range);
        WebElement canvas = browser.findElements(By.cssSelector("#curves canvas")).get(0);
        int width = canvas.getSize().getWidth();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(canvas, -width / 5, 0).clickAndHold()
                .moveByOffset(width / 4, 0).release().perform();
        await(d -> !js(range).equals(before));
        List<?> after = (List<?>) js(range);
        assertThat(((Number) after.get(1)).doubleValue() - ((Number) after.get(0)).doubleValue())
                .as("the x range after the drag").isLessThan(((Number) before.get(1)).doubleValue()
                        - ((Number) before.get(0)).doubleValue());
        screenshot("curves-zoomed.png");
        new org.openqa.selenium.interactions.Actions(browser).doubleClick(canvas).perform();
        await(d -> js(range).equals(before));
    }

    @Test
    void compareShowsTwoRunsOfAStudyWithTheirFilesDiffedAndTheDifferencePerCondition() throws IOException {
        DemoStudies.addRerun(data, 2);
        browser.get("http://127.0.0.1:" + server.port() + "/compare?a=1&b=3&token=browser-token");
        await(d -> d.findElements(By.cssSelector("#compare-table tbody tr")).size() == 4);
        String table = text("#compare-table");
        assertThat(table).contains("A: demo #1", "B: demo #3", "B − A");
        assertThat(text("#spec-diff")).contains("+ learningRate: 0.003").contains("  name: demo");
        assertThat(browser.findElement(By.id("a")).getAttribute("value")).isEqualTo("1");
        await(d -> d.findElements(By.cssSelector("#compare-curves canvas")).size() == 4);
        String series = "return [...document.querySelectorAll('#compare-curves canvas')].map((c) => Chart.getChart(c).data.datasets"
                + ".filter((d) => !d.band).map((d) => d.label + (d.borderDash ? ' dashed' : '')).join(',')).join(' | ');";
        assertThat(js(series)).asString().isEqualTo(String.join(" | ", java.util.Collections.nCopies(4, "A: demo #1,B: demo #3 dashed")));
        browser.findElement(By.cssSelector("#compare-x button[data-x=feedbackEvents]")).click();
        await(d -> String.valueOf(js("return Chart.getChart(document.querySelector('#compare-curves canvas')).options.scales.x.title.text;"))
                .startsWith("feedback events"));
        screenshot("compare.png");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("b"))).selectByValue("2");
        await(d -> text("#compare-table").contains("B: live #2") || text("#cells").contains("no condition"));
        assertThat(browser.getCurrentUrl()).contains("b=2");
    }

    @Test
    void curvesRegroupByLearnerOnOneXRangeWithPerSeedLinesAndSmoothingOnDemand() throws IOException {
        browser.get("http://127.0.0.1:" + server.port() + "/study?id=1&token=browser-token");
        await(d -> d.findElements(By.cssSelector("#curves canvas")).size() == 2);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("group-by"))).selectByValue("learner");
        await(d -> text("#curves").contains("clic") && d.findElements(By.cssSelector("#curves h3")).stream()
                .map(WebElement::getText).toList().equals(List.of("bc", "clic")));
        String labels = "return [...document.querySelectorAll('#curves canvas')].map((c) => Chart.getChart(c).data.datasets"
                + ".filter((d) => !d.band).map((d) => d.label).join('|')).join(' / ');";
        assertThat(js(labels)).isEqualTo("two-route · accurate|two-route · noisy / two-route · accurate|two-route · noisy");
        assertThat(js("return [...document.querySelectorAll('#curves canvas')].map((c) => Chart.getChart(c).scales.x.max)"
                + ".join(',');")).isEqualTo("20,20");
        click("#per-seed");
        String seedLines = "return [...document.querySelectorAll('#curves canvas')].map((c) => Chart.getChart(c).data.datasets"
                + ".filter((d) => d.aside).length).join(',');";
        await(d -> "3,4".equals(js(seedLines)));   // bc: 2 + 1 seeds (one failed under noisy); clic: 2 + 2
        String firstMean = "const d = Chart.getChart(document.querySelectorAll('#curves canvas')[0]).data.datasets"
                + ".find((x) => !x.band && !x.aside); return d.label + '=' + d.data.map((p) => p.y.toFixed(3)).join(',');";
        String raw = (String) js(firstMean);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("smoothing"))).selectByValue("0.6");
        await(d -> ((String) js(firstMean)).contains("(smoothed)"));
        String smoothed = (String) js(firstMean);
        assertThat(smoothed.substring(smoothed.indexOf('=') + 1).split(",")[0])
                .as("the first point keeps its value").isEqualTo(raw.substring(raw.indexOf('=') + 1).split(",")[0]);
        assertThat(smoothed.substring(smoothed.indexOf('='))).isNotEqualTo(raw.substring(raw.indexOf('=')));
        assertThat(js("return [...document.querySelectorAll('#curves canvas')].map((c) => Chart.getChart(c).legend.legendItems"
                + ".map((i) => i.text).join('|')).join(' / ');")).as("seed lines stay out of the legend")
                .isEqualTo("two-route · accurate (smoothed)|two-route · noisy (smoothed) / two-route · accurate (smoothed)"
                        + "|two-route · noisy (smoothed)");
    }

    @Test
    void theMatrixTransposesToConditionsAsRowsAndBack() throws IOException {
        browser.get("http://127.0.0.1:" + server.port() + "/study?id=1&token=browser-token");
        await(d -> filledCells() == 4);
        click("#transpose");
        await(d -> text("#matrix-table thead").contains("environment · feedback"));
        assertThat(browser.findElements(By.cssSelector("#matrix-table tbody th")).stream().map(WebElement::getText))
                .containsExactly("two-route · accurate", "two-route · noisy");
        assertThat(filledCells()).isEqualTo(4);
        assertThat(browser.findElement(By.cssSelector("#matrix-table tbody tr:nth-child(2) td:nth-child(2)"))
                .getAttribute("data-learner")).isEqualTo("bc");
        click("#transpose");
        await(d -> text("#matrix-table thead").contains("learner"));
    }

    @Test
    void everyChartHasATextAlternativeAndRolloutsAreReachableByKeyboard() throws IOException {
        browser.get("http://127.0.0.1:" + server.port() + "/trial?id=11&token=browser-token");
        await(d -> !d.findElements(By.cssSelector("#rollout-table tbody tr")).isEmpty()
                && !d.findElements(By.cssSelector("details.chart-data")).isEmpty());
        List<WebElement> diagnostics = browser.findElements(By.cssSelector("#metrics-charts canvas"));
        assertThat(diagnostics).extracting(c -> c.getAttribute("aria-label")).containsExactly(
                "Chart of loss (nats) against training episode; series: loss (nats). The data table below lists the values.",
                "Chart of grad-norm against training episode; series: grad-norm. The data table below lists the values.");
        List<WebElement> tables = browser.findElements(By.cssSelector("details.chart-data"));
        assertThat(tables).hasSize(3);
        tables.get(2).findElement(By.tagName("summary")).click();
        assertThat(tables.get(2).getText()).contains("Data table (20 values)", "grad-norm");
        WebElement row = browser.findElements(By.cssSelector("#rollout-table tbody tr")).get(0);
        row.sendKeys(org.openqa.selenium.Keys.ENTER);
        await(d -> "on".equals(d.findElements(By.cssSelector("#rollout-table tbody tr")).get(0).getAttribute("class")));
    }

    @Test
    void axeCoreFindsNoSeriousOrCriticalViolationOnAnyPageAndEachIsShotAt1600And800Pixels() throws IOException {
        String base = "http://127.0.0.1:" + server.port();
        java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("studies", base + "/?token=browser-token");
        pages.put("study", base + "/study?id=1&token=browser-token");
        pages.put("trial", base + "/trial?id=11&token=browser-token");
        pages.put("plugins", base + "/plugins?token=browser-token");
        DemoStudies.addRerun(data, 2);
        pages.put("compare", base + "/compare?a=1&b=3&token=browser-token");
        List<String> found = new java.util.ArrayList<>();
        for (var page : pages.entrySet()) {
            browser.get(page.getValue());
            await(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'"
                    + " && !document.querySelector('.loading') && document.querySelectorAll('table tbody tr').length > 0;")));
            com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
            for (com.deque.html.axecore.results.Rule rule : results.getViolations()) {
                if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                    found.add(page.getKey() + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                            + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
                }
            }
            for (int width : new int[] {1600, 800}) {
                screenshot(page.getKey() + "-" + width + ".png", width);
            }
        }
        assertThat(found).as("axe-core violations").isEmpty();
    }

    @Test
    void theStaticReportOpensFromTheFileSystem() throws IOException {
        Path out = Path.of("target", "static-report");
        Path index = StaticReport.write(data, 1, out);
        browser.get(index.toAbsolutePath().toUri().toString());
        await(d -> filledCells() == 4);
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(text("#live")).isEqualTo("static copy");
        await(d -> text("#aggregate-table").contains("clic"));
        assertThat(js("return document.querySelectorAll('#curves canvas').length;")).isEqualTo(2L);
        screenshot("static-report.png");
    }

    private long filledCells() {
        return browser.findElements(By.cssSelector("#matrix-table td.cell.filled")).size();
    }

    private int frames() {
        Object n = js("return typeof Replay === 'undefined' ? 0 : Replay.state.frames.length;");
        return ((Number) n).intValue();
    }

    /** Clicks what {@code css} finds; the live page may replace it between finding and clicking, so find it again then. */
}
