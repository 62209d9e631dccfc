package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.web.congress.CongressScenario.ADOPTED_TEXT;
import static org.smolny.web.congress.CongressScenario.AMENDED_LINE;
import static org.smolny.web.congress.CongressScenario.AMENDMENT_RESULT;
import static org.smolny.web.congress.CongressScenario.AMENDMENT_VOTES;
import static org.smolny.web.congress.CongressScenario.ELECTED;
import static org.smolny.web.congress.CongressScenario.EXECUTIVE_SEATS;
import static org.smolny.web.congress.CongressScenario.MOTION_RESULT;
import static org.smolny.web.congress.CongressScenario.MOTION_TEXT;
import static org.smolny.web.congress.CongressScenario.MOTION_TITLE;
import static org.smolny.web.congress.CongressScenario.MOTION_VOTES;
import static org.smolny.web.congress.CongressScenario.NO_MANDATE_REFUSAL;
import static org.smolny.web.congress.CongressScenario.UNKNOWN_MANDATE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smolny.web.browser.Browser;

/**
 * The congress scenario of issue 4 in headless Chromium, through the pages, on a real server and a real SQLite file
 * with real sign-in: the chair accredits the delegates from the console (a mandate nobody holds is refused in the
 * page), opens the congress and adopts the agenda; delegates table a motion and move a line amendment from the hall
 * (on a 360 px phone); the chair puts the amendment and then the amended motion to a card vote, each sitting delegate
 * votes from the hall, and the result with the rule that decided it reaches the hall and the projector; the chair
 * elects the executive by STV (Scottish rules) from the console; the hall shows the elected and the rounds, and the
 * minutes show everything. Every page visited passes axe-core's WCAG 2.2 AA rules.
 *
 * <p>Three acts have no form in the pages, so the test does them over the API as the same people: convening (the
 * administrator), recording the absent delegate and seating the alternate (the chair), and closing the congress (the
 * chair). See docs/congress-web.md, "Scenario".
 */
@Tag("browser")
class CongressScenarioBrowserTest {

    @TempDir
    Path folder;
    private ScenarioUnion union;
    private String base;

    @BeforeEach
    void start() {
        union = new ScenarioUnion(folder);
        base = union.base();
    }

    @AfterEach
    void stop() {
        union.close();
    }

    @Test
    void delegates_accredited_in_the_console_pass_an_amended_motion_by_card_vote_and_elect_the_executive_by_stv_in_the_pages() {
        String executive = union.scheduleExecutiveElection(EXECUTIVE_SEATS);
        String congress = union.signIn("admin").act("convene-congress", HttpMember.JSON.createObjectNode()
                        .put("unit", union.national.toString()).put("kind", "regular").put("delegatePost", "congress-delegate")
                        .put("alternatePost", "congress-alternate").put("chair", union.chair.toString())
                        .put("opensAt", union.now().plus(Duration.ofDays(1)).toString()))
                .path("entries").get(0).path("entry").path("body").path("congress").asText();
        String hall = "/congress/" + congress;
        String console = hall + "/chair";

        try (Browser chair = Browser.open(1280, 900); Browser delegate = Browser.open(360, 780)) {
            // Credentials, in the chair's console: the four elected delegates; a mandate nobody holds is refused.
            chair.get(base + "/congress/sign-in?back=" + console);
            assertThat(chair.accessibilityViolations()).as("sign-in").isEmpty();
            signIn(chair, "chair", console);
            assertThat(chair.accessibilityViolations()).as("console before the credentials").isEmpty();
            for (String branch : List.of("Docks", "Harbour", "Airport", "Warehouse")) {
                accredit(chair, union.delegateMandates.get(branch).toString());
                wait(chair).until(driver -> text(chair, "main").contains(union.name(union.delegate(branch)) + " · " + ScenarioUnion.BRANCHES.get(branch) + " cards"));
            }
            long size = union.recordSize();
            accredit(chair, UNKNOWN_MANDATE);
            wait(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".congress-error[role='alert']")));
            assertThat(chair.driver.findElement(By.cssSelector(".congress-error")).getText()).contains(NO_MANDATE_REFUSAL);
            assertThat(chair.accessibilityViolations()).as("console with a refused mandate").isEmpty();
            assertThat(union.recordSize()).isEqualTo(size);

            // The Docks delegate is absent; Docks's alternate takes the seat (no form for this in the console: over the API).
            HttpMember chairOverApi = union.signIn("chair");
            String docksSeat = union.delegateMandates.get("Docks").toString();
            chairOverApi.act("record-attendance", CongressServer.on(congress).put("seat", docksSeat)
                    .put("member", union.delegate("Docks").toString()).put("present", false));
            chairOverApi.act("seat-alternate", CongressServer.on(congress).put("seat", docksSeat)
                    .put("alternateMandate", union.docksAlternateMandate.toString()));

            // Quorum and agenda: the congress opens on its date, the chair adopts the agenda and takes the first item.
            union.passDays(1);
            chair.get(base + console);
            assertThat(text(chair, "main")).contains(union.name(union.docksAlternate()) + " · 30 cards · present").contains("4 of 4 seats present.");
            click(chair, By.xpath("//button[normalize-space()='Open the congress']"));
            wait(chair).until(driver -> text(chair, "main").contains("In session"));
            chair.driver.findElement(By.id("agenda-items")).sendKeys(
                    CongressScenario.POLICY_ITEM + " | 60 | 3\n" + CongressScenario.ELECTION_ITEM + " | 30 | 2");
            click(chair, By.cssSelector("#adopt-agenda button[type='submit']"));
            click(chair, By.xpath("//button[contains(., 'Take the next item: " + CongressScenario.POLICY_ITEM + "')]"));
            wait(chair).until(driver -> text(chair, "main").contains("In session · Item 1: " + CongressScenario.POLICY_ITEM));

            // The hall, on a phone: Harbour tables the motion, Airport moves a line amendment.
            signIn(delegate, "harbour", hall);
            assertThat(text(delegate, "main")).contains("You sit at this congress with 20 card(s).");
            delegate.driver.findElement(By.cssSelector("#table-motion summary")).click();
            delegate.driver.findElement(By.id("motion-title")).sendKeys(MOTION_TITLE);
            delegate.driver.findElement(By.id("motion-text")).sendKeys(String.join("\n", MOTION_TEXT));
            click(delegate, By.cssSelector("#table-motion button[type='submit']"));
            wait(delegate).until(driver -> text(delegate, "main").contains(MOTION_TEXT.get(2)));
            assertThat(delegate.accessibilityViolations()).as("hall with the motion").isEmpty();

            switchTo(delegate, "airport", hall);
            delegate.driver.findElement(By.cssSelector("#move-amendment summary")).click();
            new Select(delegate.driver.findElement(By.id("amend-motion"))).selectByVisibleText(MOTION_TITLE);
            new Select(delegate.driver.findElement(By.id("amend-kind"))).selectByValue("replace");
            delegate.driver.findElement(By.id("amend-from")).sendKeys("2");
            delegate.driver.findElement(By.id("amend-to")).sendKeys("2");
            delegate.driver.findElement(By.id("amend-lines")).sendKeys(AMENDED_LINE);
            click(delegate, By.cssSelector("#move-amendment button[type='submit']"));
            wait(delegate).until(driver -> text(delegate, "main").contains("32 hours, with no loss of pay"));
            assertThat(delegate.horizontalOverflow()).as("hall with the motion and its amendment on a 360 px phone").isZero();

            // The amendment first, by cards; then the amended motion. Each result states the rule that decided it.
            openCardVote(chair, console, "Put the next amendment to “" + MOTION_TITLE + "” to the vote");
            voteFromTheHall(delegate, hall, AMENDMENT_VOTES);
            closeVote(chair, console);
            wait(chair).until(driver -> text(chair, "congress-result").contains(AMENDMENT_RESULT));
            openCardVote(chair, console, "Put the motion “" + MOTION_TITLE + "” to the vote");
            // While the motion is voted on, the projector shows the text as amended.
            chair.get(base + hall + "/projector");
            assertThat(text(chair, "main")).contains("Open card vote on: " + MOTION_TITLE);
            assertThat(chair.driver.findElements(By.cssSelector(".congress-text li")).stream().map(line -> line.getText()).toList())
                    .isEqualTo(ADOPTED_TEXT);
            assertThat(chair.accessibilityViolations()).as("projector during the vote").isEmpty();
            voteFromTheHall(delegate, hall, MOTION_VOTES);
            closeVote(chair, console);
            // The last delegate to vote is still in the hall: the result reaches it without a reload.
            wait(delegate).until(driver -> text(delegate, "congress-result").contains(MOTION_RESULT));
            wait(delegate).until(driver -> text(delegate, "main").contains("No vote is open."));
            assertThat(delegate.accessibilityViolations()).as("hall with the result").isEmpty();

            chair.get(base + hall + "/projector");
            assertThat(text(chair, "congress-result")).contains("Carried.").contains(MOTION_RESULT);
            assertThat(chair.accessibilityViolations()).as("projector with the result").isEmpty();

            // The executive, by STV under the Scottish rules: the chair opens the election, each sitting delegate casts
            // their seat's ranked ballot in the hall, the chair closes it and Smolny counts.
            chair.get(base + console);
            click(chair, By.xpath("//button[contains(., 'Take the next item: " + CongressScenario.ELECTION_ITEM + "')]"));
            wait(chair).until(ExpectedConditions.presenceOfElementLocated(By.id("open-election-election")));
            chair.driver.findElement(By.id("open-election-election")).sendKeys(executive);
            new Select(chair.driver.findElement(By.id("open-election-method"))).selectByValue("stv-scottish");
            new Select(chair.driver.findElement(By.id("open-election-mode"))).selectByValue("named");
            chair.driver.findElement(By.id("open-election-candidates")).sendKeys(CongressScenario.CANDIDATES.stream()
                    .map(name -> union.candidates.get(name).toString()).collect(Collectors.joining("\n")));
            assertThat(chair.accessibilityViolations()).as("console with the election being opened").isEmpty();
            click(chair, By.cssSelector("#open-election button[type='submit']"));
            wait(chair).until(driver -> text(chair, "main").contains("Election of national-executive: 2 seat(s), counted by stv-scottish"));
            castRankedBallots(delegate, hall, executive);
            chair.get(base + console);
            assertThat(text(chair, "main")).contains("4 of 4 seats have cast a ballot.");
            click(chair, By.xpath("//button[normalize-space()='Close the election of national-executive and count its 4 ballot(s)']"));
            wait(chair).until(driver -> text(chair, "main").contains("Election of national-executive (stv-scottish)"));

            // The projector: the elected and every round, by name.
            chair.get(base + hall + "/projector");
            String projected = text(chair, "main");
            assertThat(projected).contains("Election of national-executive (stv-scottish)", "Elected from 4 ballot paper(s):",
                    "Round 1: first preferences; quota 2.00000; elected Docks member 10",
                    "last vacancies filled; quota 2.00000; elected Airport member 10");
            assertThat(chair.accessibilityViolations()).as("projector with the election's result").isEmpty();

            // The results in the hall: both votes with their rule, the elected, the rounds.
            delegate.get(base + hall);
            String results = text(delegate, "main");
            assertThat(results).contains(AMENDMENT_RESULT, MOTION_RESULT, "Election of national-executive (stv-scottish)",
                    "Elected from 4 ballot paper(s):");
            assertThat(delegate.driver.findElements(By.xpath("//section[@aria-labelledby='results-heading']/ul/li")).stream()
                    .map(item -> item.getText()).toList()).containsExactlyInAnyOrderElementsOf(ELECTED);
            delegate.driver.findElement(By.xpath("//summary[normalize-space()='Rounds of the count']")).click();
            assertThat(text(delegate, "main")).contains("Round 1: first preferences; quota 2.00000")
                    .contains("last vacancies filled; quota 2.00000");
            assertThat(delegate.accessibilityViolations()).as("hall with the election's rounds").isEmpty();

            // The chair closes the congress (no form for this in the console: over the API); the minutes show it all.
            chairOverApi.act("close-congress", CongressServer.on(congress));
            delegate.get(base + hall + "/minutes");
            String minutes = text(delegate, "main");
            assertThat(minutes).contains(union.name(union.delegate("Docks")), "alternate " + union.name(union.docksAlternate()),
                    MOTION_TITLE, AMENDED_LINE, AMENDMENT_RESULT, MOTION_RESULT, "Elected: " + String.join(", ", ELECTED),
                    "Round 1: first preferences; quota 2.00000; elected Docks member 10");
            assertThat(delegate.accessibilityViolations()).as("minutes").isEmpty();
        }
        CongressScenario.assertOutcome(union, congress);
    }

    /** The chair puts {@code question} (the label of its button in the console) to a card vote. */
    private void openCardVote(Browser chair, String console, String question) {
        chair.get(base + console);
        new Select(chair.driver.findElement(By.xpath("//form[.//button[normalize-space()='" + question + "']]//select[@name='mode']")))
                .selectByValue("card");
        click(chair, By.xpath("//button[normalize-space()='" + question + "']"));
        wait(chair).until(driver -> text(chair, "main").contains("Close the vote"));
    }

    /** Each sitting delegate in turn signs in on the phone and votes from the hall as {@code votes} says. */
    private void voteFromTheHall(Browser delegate, String hall, Map<String, String> votes) {
        boolean first = true;
        for (String login : CongressScenario.SITTING) {
            switchTo(delegate, login, hall);
            wait(delegate).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='position'][value='for']")));
            if (first) {
                assertThat(text(delegate, "main")).contains("Open card vote on: ");
                assertThat(delegate.accessibilityViolations()).as("hall with a card vote open").isEmpty();
                first = false;
            }
            click(delegate, By.cssSelector("input[name='position'][value='" + votes.get(login) + "']"));
            click(delegate, By.cssSelector(".congress-vote button[type='submit']"));
            wait(delegate).until(driver -> text(delegate, "main").contains("Your seat has voted"));
        }
    }

    private void closeVote(Browser chair, String console) {
        chair.get(base + console);
        assertThat(text(chair, "main")).contains("4 of 4 seats have voted.");
        click(chair, By.xpath("//button[normalize-space()='Close the vote']"));
    }

    /** Each sitting delegate in turn signs in on the phone and ranks the candidates of their paper in the hall. */
    private void castRankedBallots(Browser delegate, String hall, String election) {
        boolean first = true;
        for (String login : CongressScenario.SITTING) {
            switchTo(delegate, login, hall);
            wait(delegate).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".congress-ballot")));
            List<String> paper = CongressScenario.PAPERS.get(login);
            for (int rank = 1; rank <= paper.size(); rank++) {
                delegate.driver.findElement(By.id("rank-" + election + "-" + union.candidates.get(paper.get(rank - 1)))).sendKeys(String.valueOf(rank));
            }
            if (first) {
                assertThat(delegate.accessibilityViolations()).as("hall with a ranked ballot being filled in").isEmpty();
                assertThat(delegate.horizontalOverflow()).as("hall with the ranked ballot on a 360 px phone").isZero();
                first = false;
            }
            click(delegate, By.cssSelector(".congress-ballot button[type='submit']"));
            wait(delegate).until(driver -> text(delegate, "main").contains("Your seat has cast a ballot"));
        }
    }

    private void accredit(Browser chair, String mandate) {
        chair.driver.findElement(By.id("accredit-mandate")).sendKeys(mandate);
        click(chair, By.xpath("//button[normalize-space()='Check the mandate and accredit']"));
    }

    private void signIn(Browser browser, String login, String back) {
        browser.get(base + "/congress/sign-in?back=" + back);
        browser.driver.findElement(By.id("login")).sendKeys(login);
        browser.driver.findElement(By.id("password")).sendKeys(ScenarioUnion.PASSWORD);
        browser.driver.findElement(By.cssSelector(".congress-sign-in button")).click();
        wait(browser).until(ExpectedConditions.urlToBe(base + back));
    }

    /** The same browser (phone), another delegate: signs out by dropping the session cookie and signs in as {@code login}. */
    private void switchTo(Browser browser, String login, String back) {
        browser.driver.manage().deleteAllCookies();
        signIn(browser, login, back);
    }

    /** Clicks what {@code locator} finds, again if the page replaced its live part in between. */
    private static void click(Browser browser, By locator) {
        wait(browser).ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(locator).click();
            return true;
        });
    }

    /** The text of the element with {@code id} (or of {@code main}), read in one script: the live part may be replaced at any time. */
    private static String text(Browser browser, String id) {
        Object text = browser.driver.executeScript("var element = document.getElementById(arguments[0]) || document.querySelector(arguments[0]);"
                + " return element ? element.innerText : '';", id);
        return text == null ? "" : text.toString();
    }

    private static WebDriverWait wait(Browser browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(10));
    }
}
