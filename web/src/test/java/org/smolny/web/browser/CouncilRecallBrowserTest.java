package org.smolny.web.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smolny.web.council.CouncilServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The council's pages in headless Chromium: a member signs a recall petition and sees the by-election it caused. */
@Tag("browser")
class CouncilRecallBrowserTest {

    @TempDir
    Path folder;

    @Test
    void a_member_signs_in_and_signs_a_recall_petition_the_mandate_ends_at_the_threshold_and_the_by_election_appears() {
        try (CouncilServer union = new CouncilServer(folder).founded(); Browser browser = Browser.open(1280, 900)) {
            List<String> docks = union.admit(union.docks, 8);
            union.passProbation();
            union.elect(union.admin, "branch-secretary", union.docks, docks.get(0), docks);
            String delegate = union.elect(union.member(docks.get(0)), "branch-delegate", union.docks, docks.get(1), docks);
            union.member(docks.get(2)).ok("/api/council/open-recall-petition", CouncilServer.JSON.createObjectNode().put("mandate", delegate));
            String login = union.account(docks.get(3));
            String base = "http://127.0.0.1:" + union.server.port();

            browser.get(base + "/council/petitions");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.driver.findElement(By.id("login")).sendKeys(login);
            browser.driver.findElement(By.id("password")).sendKeys(CouncilServer.PASSWORD);
            browser.driver.findElement(By.cssSelector("button[type=submit]")).click();

            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Petitions to sign"));
            assertThat(browser.driver.findElement(By.cssSelector("[data-status='open']")).getText())
                    .contains("Recall of the branch-delegate: Member 2", "1 of 2 signatures needed");
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.driver.findElement(By.xpath("//button[normalize-space()='Sign this petition']")).click();

            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
            assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Your signature is on the record.");
            assertThat(browser.driver.findElement(By.cssSelector("[data-status='succeeded']")).getText())
                    .contains("2 of 2 signatures needed", "the threshold was reached: the mandate ended", "You signed this petition.");
            assertThat(browser.driver.findElement(By.cssSelector("[data-elections]")).getText())
                    .startsWith("By-election for branch-delegate in Docks, to be held by ");
            assertThat(browser.accessibilityViolations()).isEmpty();

            browser.get(base + "/council/me");
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("recalled");
            assertThat(browser.accessibilityViolations()).isEmpty();
        }
    }
}
