package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/** Zooming and panning a curve with the keyboard, a touch screen and shift + drag, in Chromium. */
@Epic("Reports")
@Feature("Report pages")
class ChartNavigationBrowserTest extends BrowserTestBase {

    private static final String RANGE = "const c = Chart.getChart(document.querySelectorAll('#curves canvas')[0]);"
            + " return [c.scales.x.min, c.scales.x.max];";

    private double[] full;

    @BeforeEach
    void openTheCurves() throws IOException {
        browser.get("http://127.0.0.1:" + server.port() + "/study?id=1&token=browser-token");
        await(d -> d.findElements(By.cssSelector("#curves canvas")).size() == 2);
        await(d -> range()[1] > 0);
        full = range();
    }

    @Test
    void theKeyboardZoomsAndPansAFocusedChartWithinItsDataAndZeroResetsIt() throws IOException {
        js("document.querySelectorAll('#curves canvas')[0].focus();");
        assertThat(js("return document.activeElement === document.querySelectorAll('#curves canvas')[0];")).isEqualTo(true);
        new Actions(browser).sendKeys("+").perform();
        await(d -> width(range()) < width(full));
        double[] zoomed = range();
        assertThat(width(zoomed)).isBetween(0.6 * width(full), 0.9 * width(full));

        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        await(d -> range()[0] > zoomed[0]);
        assertThat(width(range())).as("panning keeps the width").isCloseTo(width(zoomed), within(1e-6 * width(full)));

        for (int i = 0; i < 6; i++) {
            new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        }
        await(d -> range()[0] == full[0]);
        assertThat(range()[1]).as("the data's own range limits panning").isLessThan(full[1]);

        new Actions(browser).sendKeys("0").perform();
        await(d -> range()[0] == full[0] && range()[1] == full[1]);
    }

    @Test
    void aSwipeOnATouchScreenAndShiftDragWithAMousePanAZoomedChart() throws IOException {
        WebElement canvas = browser.findElements(By.cssSelector("#curves canvas")).get(0);
        assertThat(js("return getComputedStyle(arguments[0]).touchAction;", canvas))
                .as("vertical swipes still scroll the page").isEqualTo("pan-y");
        js("const c = Chart.getChart(arguments[0]); c.zoom(1.5);", canvas);
        await(d -> width(range()) < 0.6 * width(full));
        double[] before = range();

        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        int w = canvas.getSize().getWidth();
        Sequence swipe = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(canvas), w / 8, 0))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (int step = 1; step <= 8; step++) {
            swipe.addAction(finger.createPointerMove(Duration.ofMillis(30), PointerInput.Origin.fromElement(canvas),
                    w / 8 - step * w / 32, 0));
        }
        swipe.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((org.openqa.selenium.interactions.Interactive) browser).perform(List.of(swipe));
        await(d -> range()[0] > before[0]);
        double[] swiped = range();
        assertThat(width(swiped)).as("a swipe pans, it does not zoom").isCloseTo(width(before), within(1e-6 * width(full)));

        new Actions(browser).keyDown(Keys.SHIFT).moveToElement(canvas, 0, 0).clickAndHold().moveByOffset(w / 8, 0)
                .moveByOffset(w / 8, 0).release().keyUp(Keys.SHIFT).perform();
        await(d -> range()[0] < swiped[0]);
        assertThat(width(range())).as("shift + drag pans, it does not zoom").isCloseTo(width(before), within(1e-6 * width(full)));
        screenshot("curves-panned.png");
    }

    private double[] range() {
        List<?> r = (List<?>) js(RANGE);
        return new double[] {((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue()};
    }

    private static double width(double[] range) {
        return range[1] - range[0];
    }
}
