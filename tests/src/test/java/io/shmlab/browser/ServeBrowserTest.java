package io.shmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.labs.Labs;
import io.shmlab.web.SourceLines;
import io.shmlab.web.TraceJson;
import io.shmlab.web.serve.Catalog;
import io.shmlab.web.serve.LabServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code shmlab serve} in headless chromium: explore ex5, open the failing schedule it lists, then be
 * the scheduler and play that schedule to the deadlock by clicking lanes.
 */
class ServeBrowserTest {

    @Test
    void exploresEx5OpensTheFailingScheduleAndStepsToTheDeadlockByClicks() throws Exception {
        try (LabServer server = LabServer.start(Catalog.of(Labs.course()), new TraceJson(SourceLines.fromWorkingFolder()), 0);
                Browser browser = Browser.open()) {
            assertEquals("127.0.0.1", server.uri().getHost());
            browser.driver().get(server.uri().toString());
            browser.await(10, d -> d.findElements(By.cssSelector("#lab-select option")).size() > 1);
            new Select(browser.find("#lab-select")).selectByValue("ex5");

            browser.find("#explore").click();
            browser.await(120, d -> "true".equals(d.findElement(By.id("explore-progress")).getAttribute("data-done")));
            long deadlocks = Long.parseLong(browser.find("#outcome-counts li[data-outcome='deadlock'] .count").getText());
            assertTrue(deadlocks > 0, browser.find("#explore-progress").getText());
            assertTrue(browser.find("#outcome-counts li[data-outcome='clean']").isDisplayed());
            List<WebElement> failing = browser.driver().findElements(By.cssSelector(".failing-schedule"));
            assertFalse(failing.isEmpty());

            failing.get(0).click();
            browser.await(30, d -> "replay".equals(d.findElement(By.tagName("body")).getAttribute("data-view")));
            assertTrue(browser.find("#lane-B").getText().contains("BLOCKED FOREVER"), browser.find("#lane-B").getText());
            List<String> order = new ArrayList<>();
            int steps = ((Number) browser.script("return window.shmlab.data().steps.length")).intValue();
            new Actions(browser.driver()).sendKeys(Keys.HOME).perform();
            for (int i = 0; i < steps; i++) {
                order.add(browser.find("#detail-process").getText().substring(0, 1));
                new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
            }

            browser.find("#step-start").click();
            browser.await(30, d -> "0".equals(d.findElement(By.id("step-status")).getAttribute("data-steps")));
            assertFalse(browser.find("#lane-A .next-call").getText().isBlank(), "what A would do, before choosing");
            // each click runs the process to its next scheduling point: the first one starts it (no step yet)
            for (int clicks = 0; !"true".equals(browser.find("#step-status").getAttribute("data-finished")); clicks++) {
                assertTrue(clicks < 3 * order.size(), "too many clicks: " + browser.find("#step-status").getText());
                int done = Integer.parseInt(browser.find("#step-status").getAttribute("data-steps"));
                if (done > 0 && !browser.driver().findElements(By.cssSelector("#lane-A.enabled")).isEmpty()) {
                    assertTrue(browser.find("#lane-A .next-call").getText().matches("[a-z_]+\\(.*"),
                            "A's next call, before choosing: " + browser.find("#lane-A .next-call").getText());
                }
                String lane = "#lane-" + order.get(done) + ".enabled";
                browser.await(30, d -> !d.findElements(By.cssSelector(lane)).isEmpty());
                String answers = browser.find("#step-status").getAttribute("data-answers");
                browser.find(lane).click();
                browser.await(30, d -> !answers.equals(d.findElement(By.id("step-status")).getAttribute("data-answers")));
            }
            assertEquals(String.valueOf(order.size()), browser.find("#step-status").getAttribute("data-steps"));
            WebElement status = browser.find("#step-status");
            assertEquals("true", status.getAttribute("data-finished"), status.getText());
            assertTrue(status.getText().contains("deadlock"), status.getText());
            assertTrue(browser.find("#lane-B").getText().contains("BLOCKED FOREVER"));
            assertTrue(browser.driver().findElements(By.cssSelector(".lane-header.enabled")).isEmpty());
        }
    }
}
