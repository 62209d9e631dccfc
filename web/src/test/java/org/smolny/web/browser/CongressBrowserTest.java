package org.smolny.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smolny.web.congress.CongressServer;

/**
 * The congress in headless Chromium: a delegate signs in and votes from the hall, the chair opens and closes the
 * vote from the console, and the result appears on the delegate's page without a reload (server-sent events). Every
 * page passes axe-core's WCAG 2.2 AA rules and reflows on a 360 px phone.
 */
@Tag("browser")
class CongressBrowserTest {

    @TempDir
    Path folder;
    private CongressServer union;
    private String base;

    @BeforeEach
    void start() {
        union = new CongressServer(folder);
        base = "http://127.0.0.1:" + union.server.port();
    }

    @AfterEach
    void stop() {
        union.close();
    }

    @Test
    void a_delegate_votes_in_the_hall_and_sees_the_result_appear_when_the_chair_closes_the_vote() {
        String congress = union.openCongressWithMotion();
        try (Browser delegate = Browser.open(360, 780); Browser chair = Browser.open(1280, 900)) {
            signIn(delegate, "docks", "/congress/" + congress);
            assertThat(delegate.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Delegates’ hall");
            assertThat(delegate.driver.getPageSource()).contains("Free bus passes");
            assertThat(delegate.accessibilityViolations()).as("hall").isEmpty();
            assertThat(delegate.horizontalOverflow()).as("hall on a phone").isZero();

            signIn(chair, "chair", "/congress/" + congress + "/chair");
            assertThat(chair.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Chair’s console");
            assertThat(chair.accessibilityViolations()).as("console").isEmpty();
            chair.driver.findElement(By.xpath("//button[contains(., 'to the vote')]")).click();
            wait(chair).until(driver -> text(chair, "main").contains("Close the vote"));

            // The hall follows the congress: the vote form appears without a reload.
            wait(delegate).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='position'][value='for']")));
            assertThat(delegate.accessibilityViolations()).as("hall with the vote open").isEmpty();
            delegate.driver.findElement(By.cssSelector("input[name='position'][value='for']")).click();
            delegate.driver.findElement(By.cssSelector(".congress-vote button[type='submit']")).click();
            wait(delegate).until(driver -> text(delegate, "main").contains("Your seat has voted"));
            delegate.driver.executeScript("window.smolnyNotReloaded = true;");

            chair.get(base + "/congress/" + congress + "/chair");
            chair.driver.findElement(By.xpath("//button[contains(., 'Close the vote')]")).click();

            wait(delegate).until(driver -> text(delegate, "congress-result").contains("Carried: 30 for, 0 against"));
            assertThat(delegate.driver.executeScript("return window.smolnyNotReloaded === true;")).isEqualTo(true);
            // Within five seconds the rest of the hall follows: the vote is shown closed, the motion carried.
            wait(delegate).until(driver -> text(delegate, "main").contains("No vote is open."));
            assertThat(text(delegate, "main")).contains("Carried");
            assertThat(delegate.driver.executeScript("return window.smolnyNotReloaded === true;")).isEqualTo(true);
            assertThat(delegate.accessibilityViolations()).as("hall with the result").isEmpty();

            delegate.get(base + "/language?set=fr&back=/congress/" + congress);
            assertThat(delegate.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Salle des délégués");
            assertThat(delegate.accessibilityViolations()).as("hall in French").isEmpty();

            chair.get(base + "/congress/" + congress + "/projector");
            assertThat(chair.driver.findElement(By.id("congress-result")).getText()).contains("Carried");
            assertThat(chair.accessibilityViolations()).as("projector").isEmpty();
        }
    }

    @Test
    void a_delegate_tables_a_motion_and_another_moves_an_amendment_through_the_hall_forms_and_the_minutes_show_them() {
        String congress = union.openCongressWithMotion();
        String hall = "/congress/" + congress;
        try (Browser docks = Browser.open(360, 780); Browser airport = Browser.open(1280, 900)) {
            signIn(docks, "docks", hall);
            docks.driver.findElement(By.cssSelector("#table-motion summary")).click();
            assertThat(docks.accessibilityViolations()).as("hall with the motion form open").isEmpty();
            docks.driver.findElement(By.id("motion-title")).sendKeys("Night buses");
            docks.driver.findElement(By.id("motion-text")).sendKeys("Congress notes the night shifts.\nCongress demands night buses every hour.");
            // Another delegate asks to speak meanwhile: the hall refreshes its live part, and the form keeps what was typed.
            union.signIn("airport").act("ask-to-speak", CongressServer.on(congress).put("side", "for"));
            wait(docks).until(driver -> text(docks, "speakers-heading").length() > 0 && text(docks, "main").contains("Airport member"));
            assertThat(docks.driver.findElement(By.id("motion-title")).getAttribute("value")).isEqualTo("Night buses");
            assertThat(docks.driver.findElement(By.id("table-motion")).getAttribute("open")).isNotNull();
            docks.driver.findElement(By.cssSelector("#table-motion button[type='submit']")).click();
            wait(docks).until(driver -> text(docks, "main").contains("Night buses"));

            signIn(airport, "airport", hall);
            airport.driver.findElement(By.cssSelector("#move-amendment summary")).click();
            new Select(airport.driver.findElement(By.id("amend-motion"))).selectByVisibleText("Night buses");
            airport.driver.findElement(By.id("amend-from")).sendKeys("2");
            airport.driver.findElement(By.id("amend-to")).sendKeys("2");
            airport.driver.findElement(By.id("amend-lines")).sendKeys("Congress demands night buses every half hour.");
            assertThat(airport.accessibilityViolations()).as("hall with the amendment form filled").isEmpty();
            airport.driver.findElement(By.cssSelector("#move-amendment button[type='submit']")).click();
            wait(airport).until(driver -> text(airport, "main").contains("every half hour"));

            // A refused amendment (lines the motion does not have) is shown in the page with its reason.
            airport.driver.findElement(By.cssSelector("#move-amendment summary")).click();
            airport.driver.findElement(By.id("amend-from")).sendKeys("8");
            airport.driver.findElement(By.id("amend-to")).sendKeys("9");
            airport.driver.findElement(By.cssSelector("#move-amendment button[type='submit']")).click();
            wait(airport).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".congress-error[role='alert']")));
            assertThat(airport.accessibilityViolations()).as("hall with a refusal").isEmpty();

            airport.get(base + hall + "/minutes");
            assertThat(airport.driver.findElement(By.tagName("h1")).getText()).startsWith("Minutes of the congress");
            assertThat(text(airport, "main")).contains("Night buses", "every half hour", "Free bus passes");
            assertThat(airport.accessibilityViolations()).as("minutes").isEmpty();
            assertThat(docks.horizontalOverflow()).as("hall on a phone").isZero();
        }
    }

    @Test
    void the_console_of_a_congress_not_yet_open_offers_accreditation_and_the_agenda_and_passes_axe() {
        String congress = union.conveneCongress();
        try (Browser chair = Browser.open(360, 780)) {
            signIn(chair, "chair", "/congress/" + congress + "/chair");
            assertThat(chair.driver.findElement(By.id("accredit-mandate")).isDisplayed()).isTrue();
            chair.driver.findElement(By.id("agenda-items")).sendKeys("Policy | sixty | 3");
            chair.driver.findElement(By.cssSelector("#adopt-agenda button[type='submit']")).click();
            wait(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".congress-error[role='alert']")));
            assertThat(text(chair, "main")).contains("whole number");
            assertThat(chair.accessibilityViolations()).as("console with a refusal").isEmpty();
            assertThat(chair.horizontalOverflow()).as("console on a phone").isZero();
        }
    }

    private void signIn(Browser browser, String login, String back) {
        browser.get(base + "/congress/sign-in?back=" + back);
        assertThat(browser.accessibilityViolations()).as("sign-in").isEmpty();
        browser.driver.findElement(By.id("login")).sendKeys(login);
        browser.driver.findElement(By.id("password")).sendKeys(CongressServer.PASSWORD);
        browser.driver.findElement(By.cssSelector(".congress-sign-in button")).click();
        wait(browser).until(ExpectedConditions.urlToBe(base + back));
    }

    /** The text of the element with {@code id}, read in one script (the page may replace its live part at any time). */
    private static String text(Browser browser, String id) {
        Object text = browser.driver.executeScript("var element = document.getElementById(arguments[0]); return element ? element.textContent : '';", id);
        return text == null ? "" : text.toString();
    }

    private static WebDriverWait wait(Browser browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(10));
    }
}
