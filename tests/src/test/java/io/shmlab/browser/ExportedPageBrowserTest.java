package io.shmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.cli.Console;
import io.shmlab.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The page {@code shmlab replay ex5 TOKEN --html FILE} writes for Exercise 5's deadlock, opened from
 * the file in headless chromium: both lanes, the blocked sem_wait, the semaphore's value and waiter
 * count at the blocking step, and keyboard stepping through every step.
 */
class ExportedPageBrowserTest {

    @TempDir
    static Path folder;
    static Path page;
    static String token;

    @BeforeAll
    static void export() {
        token = Ex5Deadlock.token();
        page = folder.resolve("ex5.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.execute(new String[] {"replay", "ex5", token, "--html", page.toString()},
                new Console(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream()));
        assertEquals(1, status, "a deadlock replays with status 1:\n" + out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(page), "the page is written whatever the outcome");
    }

    @Test
    void showsBothLanesTheBlockedSemWaitAndTheSemaphoreAtTheBlockingStep() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.driver().get(page.toUri().toString());
            WebElement a = browser.await(10, d -> d.findElement(By.id("lane-A")));
            WebElement b = browser.find("#lane-B");
            assertTrue(a.isDisplayed() && b.isDisplayed());
            assertTrue(b.getText().contains("BLOCKED FOREVER"), b.getText());

            WebElement blocked = browser.find(".step.blocked[data-process='B']");
            assertTrue(blocked.getText().contains("BLOCKS in sem_wait("), blocked.getText());
            assertTrue(browser.find(".blocked-interval-group[data-process='B']").getText().contains("blocked forever in sem_wait"));
            String index = blocked.getAttribute("data-index");
            blocked.click();
            browser.await(5, d -> index.equals(d.findElement(By.id("detail")).getAttribute("data-index")));
            assertTrue(browser.find("#detail-call").getText().startsWith("sem_wait("));
            assertTrue(browser.find("#detail-kind").getText().contains("BLOCKS"));
            assertTrue(browser.find("#detail-source").getText().contains("Exercise5.java:"), browser.find("#detail-source").getText());
            WebElement semaphore = browser.find("#semaphores tr.semaphore");
            assertEquals("0", semaphore.findElement(By.className("value")).getText(), "the value when B blocks");
            assertEquals("1", semaphore.findElement(By.className("waiters")).getText(), "B is the one waiter");
            assertTrue(browser.find("#objects .object .page").getText().contains("B"), "B touched the page of /myData");

            int steps = ((Number) browser.script("return window.shmlab.data().steps.length")).intValue();
            new Actions(browser.driver()).sendKeys(Keys.HOME).perform();
            assertEquals("0", browser.find("#detail").getAttribute("data-index"));
            for (int i = 1; i < steps; i++) {
                new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
                String expected = String.valueOf(i);
                browser.await(5, d -> expected.equals(d.findElement(By.id("detail")).getAttribute("data-index")));
                assertEquals(expected, browser.find(".step.selected").getAttribute("data-index"));
            }
            new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
            assertEquals(String.valueOf(steps - 1), browser.find("#detail").getAttribute("data-index"), "the last step stays");
            new Actions(browser.driver()).sendKeys(Keys.ARROW_UP).perform();
            assertEquals(String.valueOf(steps - 2), browser.find("#detail").getAttribute("data-index"));

            String svg = (String) browser.script("return window.shmlab.exportSvg()");
            assertTrue(svg.startsWith("<svg") && svg.contains("B (pid") && svg.contains("blocked forever in sem_wait"), svg);
        }
    }

    @Test
    void aScheduleOf100000StepsKeepsOnlyTheRowsInViewAndStepsAtOnce() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.driver().get(page.toUri().toString());
            browser.await(10, d -> d.findElement(By.id("lane-A")));
            // the ex5 schedule's own steps, repeated to 100,000: a per-access schedule's size
            long millis = ((Number) browser.script(
                    "var d = window.shmlab.data(), steps = [];"
                    + "for (var i = 0; i < 100000; i++) { var s = Object.assign({}, d.steps[i % d.steps.length]); s.index = i; steps.push(s); }"
                    + "var big = Object.assign({}, d, {steps: steps});"
                    + "var t0 = performance.now(); window.shmlab.show(big, 0); window.shmlab.selectStep(99999);"
                    + "return performance.now() - t0;")).longValue();
            assertEquals("99999", browser.find("#detail").getAttribute("data-index"));
            int rows = browser.driver().findElements(By.cssSelector(".step")).size();
            assertTrue(rows > 0 && rows < 200, rows + " rows in the document");
            assertTrue(millis < 2000, "loading and jumping to the end took " + millis + " ms");
            long perStep = ((Number) browser.script("var t0 = performance.now();"
                    + "for (var i = 1; i <= 200; i++) { window.shmlab.selectStep(99999 - i * 37); }"
                    + "return (performance.now() - t0) / 200;")).longValue();
            System.out.println("100,000 steps: loaded and at the end in " + millis + " ms, a step in " + perStep + " ms");
            assertTrue(perStep < 50, "a step takes " + perStep + " ms");
            new Actions(browser.driver()).sendKeys(Keys.END).perform();
            for (int i = 0; i < 5; i++) {
                new Actions(browser.driver()).sendKeys(Keys.ARROW_UP).perform();
            }
            assertEquals("99994", browser.find("#detail").getAttribute("data-index"));
        }
    }
}
