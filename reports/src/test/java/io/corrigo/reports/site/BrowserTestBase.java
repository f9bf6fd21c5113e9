package io.corrigo.reports.site;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the Chromium tests share: the site on demo data (which a test may change while a page is open),
 * headless Chromium (Debian's chromium and chromium-driver) on it, and helpers that read and click
 * through a live page. Screenshots go to target/screenshots/.
 */
@Timeout(300)
abstract class BrowserTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    MemoryReportData data;
    MemoryFeed feed;
    ReportServer server;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): "
                        + "apt-get install -y chromium chromium-driver");
        data = DemoStudies.create();
        feed = new MemoryFeed();
        server = ReportServer.start(data, feed, ReportServer.Options.defaults().withToken("browser-token"));
        profile = Files.createTempDirectory("corrigo-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000",
                "--allow-file-access-from-files");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    void click(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                browser.findElement(By.cssSelector(css)).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The element's text; the live page may replace the element between finding and reading it, so read again then. */
    String text(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<WebElement> found = browser.findElements(By.cssSelector(css));
                return found.isEmpty() ? "" : found.get(0).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    String attribute(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getAttribute(name);
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    void await(java.util.function.Function<WebDriver, Boolean> condition) throws IOException {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failure-" + System.currentTimeMillis() + ".png");
            throw e;
        }
    }

    /** A full-page screenshot: the window grows to the page's height first. */
    void screenshot(String name) throws IOException {
        screenshot(name, 1400);
    }

    /** A full-page screenshot at {@code width} pixels (the window grows to the page's height, at most 8 000). */
    void screenshot(String name, int width) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 1000));
        js("window.scrollTo(0, 0);");
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(8000, height + 20)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }
}
