package io.shmlab.browser;

import io.shmlab.cli.Console;
import io.shmlab.cli.Main;
import io.shmlab.labs.Labs;
import io.shmlab.web.SourceLines;
import io.shmlab.web.TraceJson;
import io.shmlab.web.serve.Catalog;
import io.shmlab.web.serve.LabServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.Select;

/**
 * The README's screenshots, one of each view, taken by the browser the browser tests drive over the
 * same pages. It runs only when asked, writing into the folder {@code shmlab.screenshots} names:
 * {@code ./mvnw -B -pl tests -am verify -Pscreenshots -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReadmeScreenshots {

    @Test
    void takeTheReadmeScreenshots() throws Exception {
        String folder = System.getProperty("shmlab.screenshots", "");
        Assumptions.assumeFalse(folder.isBlank(), "screenshots are taken with -Pscreenshots only");
        Path docs = Path.of(folder);
        Files.createDirectories(docs);
        String token = Ex5Deadlock.token();
        Path page = Files.createTempFile("shmlab-ex5-", ".html");
        try (Browser browser = Browser.open()) {
            Main.execute(new String[] {"replay", "ex5", token, "--html", page.toString()},
                    new Console(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream()));
            browser.driver().get(page.toUri().toString());
            browser.await(10, d -> d.findElement(By.id("lane-A")));
            browser.find(".step.blocked[data-process='B']").click();
            shoot(browser, docs.resolve("schedule-page.png"));

            try (LabServer server = LabServer.start(Catalog.of(Labs.course()), new TraceJson(SourceLines.fromWorkingFolder()), 0)) {
                browser.driver().get(server.uri().toString());
                browser.await(10, d -> d.findElements(By.cssSelector("#lab-select option")).size() > 1);
                new Select(browser.find("#lab-select")).selectByValue("ex5");
                browser.find("#explore").click();
                browser.await(120, d -> "true".equals(d.findElement(By.id("explore-progress")).getAttribute("data-done")));
                browser.find(".failing-schedule").click();
                browser.await(30, d -> "replay".equals(d.findElement(By.tagName("body")).getAttribute("data-view")));
                shoot(browser, docs.resolve("serve-explore.png"));

                browser.find("#step-start").click();
                browser.await(30, d -> d.findElement(By.id("step-status")).getAttribute("data-answers") != null);
                for (String lane : new String[] {"A", "A", "A", "A", "B", "B", "B", "B", "B"}) {
                    String answers = browser.find("#step-status").getAttribute("data-answers");
                    browser.find("#lane-" + lane + ".enabled").click();
                    browser.await(30, d -> !answers.equals(d.findElement(By.id("step-status")).getAttribute("data-answers")));
                }
                shoot(browser, docs.resolve("serve-step.png"));
            }
        } finally {
            Files.deleteIfExists(page);
        }
    }

    private static void shoot(Browser browser, Path file) throws Exception {
        Files.write(file, browser.driver() instanceof org.openqa.selenium.TakesScreenshot t
                ? t.getScreenshotAs(OutputType.BYTES) : new byte[0]);
    }
}
