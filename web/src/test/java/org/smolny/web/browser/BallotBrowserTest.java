package org.smolny.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.ballot.BallotBox;
import org.smolny.web.ballot.BallotPages;
import org.smolny.web.ballot.TestElection;

/** A voter in headless Chromium encrypts a ballot in the page, challenges it, votes afresh, casts, and finds the tracking code. */
@Tag("browser")
class BallotBrowserTest {

    @TempDir
    static Path folder;
    private static TestElection test;
    private static RecordStore record;
    private static WebServer server;
    private static String base;

    @BeforeAll
    static void start() {
        test = TestElection.create("branch-2026", 2);
        record = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")));
        BallotBox box = new BallotBox(test.election, record, "Demo Union", Clock.systemUTC());
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "Demo Union"), List.of(new BallotPages(List.of(box))));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        record.close();
    }

    private static WebElement visible(Browser browser, String css) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static JsonNode recordEntry(long index) throws Exception {
        return TestElection.JSON.readTree(record.entry(index).json());
    }

    /** The marks a ballot on the record encrypts, decrypted with the trustee's secret. */
    private static List<List<Long>> decrypted(JsonNode ballotJson) {
        EncryptedBallot ballot = new RecordCodec(P256Group.instance()).ballot(RecordCodec.root(ballotJson, "ballot"));
        return ballot.contests().stream().map(c -> c.selections().stream().map(s -> test.decrypt(s.ciphertext())).toList()).toList();
    }

    @Test
    void a_voter_challenges_one_ballot_then_casts_another_and_finds_the_tracking_code_on_the_board() throws Exception {
        try (Browser browser = Browser.open(360, 800)) {
            browser.get(base + "/ballot/branch-2026");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-status]"), "Ready"));
            assertThat(browser.accessibilityViolations()).isEmpty();
            assertThat(browser.horizontalOverflow()).isZero();

            browser.driver.findElement(By.id("credential")).sendKeys(test.credentialSecretHex(0));
            browser.driver.findElement(By.cssSelector("label[for='choice-0-1']")).click(); // Bea
            browser.driver.findElement(By.cssSelector("label[for='choice-1-0']")).click(); // Yes
            browser.driver.findElement(By.cssSelector("[data-encrypt]")).click();
            String fingerprint = visible(browser, "[data-encrypted] [data-fingerprint]").getText();
            assertThat(fingerprint).matches("[0-9a-f]{64}");
            assertThat(browser.accessibilityViolations()).isEmpty();

            // Challenge: the ballot is opened in public, never counted, and the page checks the opening itself.
            browser.driver.findElement(By.cssSelector("[data-challenge]")).click();
            visible(browser, "[data-challenged]");
            assertThat(browser.driver.findElement(By.cssSelector("[data-opening]")).getText())
                    .contains("Chair — Bea: marked", "Chair — Ada: not marked", "Motion: strike on Monday — Yes: marked");
            assertThat(browser.driver.findElement(By.cssSelector("[data-opening-check]")).getAttribute("class")).contains("notice--ok");
            String challengedCode = browser.driver.findElement(By.cssSelector("[data-challenged-code]")).getText();
            JsonNode challenged = recordEntry(0);
            assertThat(challenged.path("type").asText()).isEqualTo("ballot.challenged");
            assertThat(challenged.path("body").path("entry").path("trackingCode").asText()).isEqualTo(challengedCode);
            assertThat(decrypted(challenged.path("body").path("entry").path("ballot"))).isEqualTo(List.of(List.of(0L, 1L, 0L), List.of(1L)));

            // Vote afresh: change the choice to Cy and no on the motion, encrypt with new nonces, cast.
            browser.driver.findElement(By.cssSelector("label[for='choice-0-2']")).click();
            browser.driver.findElement(By.cssSelector("label[for='choice-1-0']")).click();
            browser.driver.findElement(By.cssSelector("[data-encrypt]")).click();
            assertThat(visible(browser, "[data-encrypted] [data-fingerprint]").getText()).isNotEqualTo(fingerprint);
            browser.driver.findElement(By.cssSelector("[data-cast]")).click();
            String code = visible(browser, "[data-cast-done] [data-tracking-code]").getText();
            assertThat(code).matches("[0-9a-f]{64}").isNotEqualTo(challengedCode);

            JsonNode cast = recordEntry(1);
            assertThat(cast.path("type").asText()).isEqualTo("ballot.cast");
            assertThat(cast.path("body").path("entry").path("trackingCode").asText()).isEqualTo(code);
            assertThat(cast.path("body").path("entry").has("reveal")).isFalse();
            assertThat(decrypted(cast.path("body").path("entry").path("ballot"))).isEqualTo(List.of(List.of(0L, 0L, 1L), List.of(0L)));

            browser.driver.findElement(By.cssSelector("[data-board-link]")).click();
            WebElement found = visible(browser, "[data-search='found']");
            assertThat(found.getText()).contains("Your tracking code is on the board.", "Entry 2: a cast ballot.");
            assertThat(browser.driver.findElement(By.cssSelector("tr[aria-current='true']")).getAttribute("data-entry")).isEqualTo(code);
            WebElement check = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-board-verdict='holds']")));
            assertThat(check.getText()).contains("all 2 ballots", "each of the 1 challenged ballots");
            assertThat(browser.accessibilityViolations()).isEmpty();
            assertThat(browser.horizontalOverflow()).isZero();
        }
    }

    @Test
    void a_voter_whose_marks_break_the_contest_rule_or_whose_credential_is_malformed_is_told_before_anything_is_sent() {
        long before = record.size();
        try (Browser browser = Browser.open(1280, 900)) {
            browser.get(base + "/ballot/branch-2026");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-status]"), "Ready"));
            browser.driver.findElement(By.id("credential")).sendKeys("f".repeat(64)); // 64 hex digits, but not below the group order
            browser.driver.findElement(By.cssSelector("[data-encrypt]")).click();
            assertThat(browser.driver.findElement(By.cssSelector("[data-status]")).getText()).contains("64 characters");
            browser.get(base + "/ballot/branch-2026");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-status]"), "Ready"));
            browser.driver.findElement(By.id("credential")).sendKeys("not a credential");
            browser.driver.findElement(By.cssSelector("[data-encrypt]")).click();
            assertThat(browser.driver.findElement(By.cssSelector("[data-status]")).getText()).contains("64 characters");

            browser.driver.findElement(By.id("credential")).clear();
            browser.driver.findElement(By.id("credential")).sendKeys(test.credentialSecretHex(1));
            browser.driver.findElement(By.cssSelector("[data-encrypt]")).click(); // no chair marked: exactly 1 is required
            assertThat(browser.driver.findElement(By.cssSelector("[data-status]")).getText()).contains("do not follow the rule", "Chair");
            assertThat(browser.driver.findElement(By.cssSelector("[data-encrypted]")).isDisplayed()).isFalse();
        }
        assertThat(record.size()).isEqualTo(before);
    }

    @Test
    void a_board_altered_on_its_way_to_the_reader_is_reported_broken_by_the_readers_browser() {
        TestElection other = TestElection.create("altered", 1);
        try (RecordStore otherRecord = RecordStore.open(StoreConfig.sqlite(folder.resolve("altered.db")))) {
            BallotBox box = new BallotBox(other.election, otherRecord, "Demo Union", Clock.systemUTC());
            box.cast(other.json(other.encrypt(0, List.of(List.of(1L, 0L, 0L), List.of(1L))).ballot()));
            try (WebServer altered = WebServer.start(new WebSettings("127.0.0.1", 0, "Demo Union"), List.of(new BallotPages(List.of(box))));
                 Browser browser = Browser.open(1280, 900)) {
                // Stands for a server (or a network) that shows this reader another ballot under the published code:
                // the board's answer is changed before the page's script sees it.
                browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", String.join("\n",
                        "const realFetch = window.fetch;",
                        "window.fetch = async (...args) => {",
                        "  const response = await realFetch(...args);",
                        "  if (!String(args[0]).includes('/board?')) return response;",
                        "  const json = await response.json();",
                        "  const beta = json.entries[0].ballot.contests[1].selections[0];",
                        "  [beta.alpha, beta.beta] = [json.entries[0].ballot.contests[0].selections[1].alpha, json.entries[0].ballot.contests[0].selections[1].beta];",
                        "  return new Response(JSON.stringify(json), { status: 200, headers: { 'Content-Type': 'application/json' } });",
                        "};")));
                browser.get("http://127.0.0.1:" + altered.port() + "/ballot/altered/board");

                WebElement check = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-board-verdict='broken']")));
                assertThat(check.getText()).contains("inconsistent", "entry 1 is not made from the code before it");
            }
        }
    }
}
