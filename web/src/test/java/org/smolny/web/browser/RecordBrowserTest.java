package org.smolny.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.record.RecordPages;
import org.smolny.web.support.MemoryRecord;

@Tag("browser")
class RecordBrowserTest {

    private static WebServer server;
    private static String base;

    @BeforeAll
    static void start() {
        MemoryRecord record = new MemoryRecord("demo.smolny.test/record", "leith-branch", "dundee-branch");
        for (int i = 0; i < 30; i++) {
            record.append("{\"at\":\"2026-11-27T10:15:30Z\",\"body\":{\"member\":\"0193a7c2-5d1e-7c3a-9f10-" + String.format("%012d", i)
                    + "\",\"probation_days\":90},\"by\":null,\"org\":\"demo\",\"type\":\"member.admitted\",\"unit\":\"leith\",\"v\":1}");
        }
        record.sign();
        record.append("{\"at\":\"2026-11-27T11:00:00Z\",\"body\":{},\"by\":null,\"org\":\"demo\",\"type\":\"congress.convened\",\"unit\":\"federation\",\"v\":1}");
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "Demo Tenants’ Union"), List.of(new RecordPages(record)));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_person_opens_the_record_then_an_entry_and_sees_its_inclusion_verified() {
        try (Browser browser = Browser.open(1280, 900)) {
            browser.get(base + "/");
            browser.driver.findElement(By.linkText("Record")).click();
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("The record");

            browser.driver.findElement(By.linkText("Entry 12")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Entry 12"));

            String verdict = browser.driver.findElement(By.cssSelector("[data-verdict]")).getText();
            assertThat(verdict).startsWith("Verified:").contains("entry 12", "first 30 entries");

            // The page's script recomputes the root from the entry as displayed and the proof, in the browser itself.
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-browser-verdict='verified']")));
            assertThat(browser.driver.findElement(By.cssSelector("[data-browser-verdict]")).getText())
                    .contains("it matches the signed checkpoint", "also checked the log’s signature", "demo.smolny.test/record+");
            assertThat(browser.driver.findElement(By.cssSelector("[data-browser-verdict]")).getAttribute("data-browser-signature")).isEqualTo("verified");
        }
    }

    @Test
    void a_rewritten_entry_fails_both_on_the_server_and_in_the_readers_browser() {
        MemoryRecord tampered = new MemoryRecord("tamper.smolny.test/record");
        for (int i = 0; i < 8; i++) {
            tampered.append("{\"body\":{\"n\":" + i + "},\"type\":\"member.admitted\",\"v\":1}");
        }
        tampered.sign();
        tampered.rewrite(5, "{\"body\":{\"n\":55},\"type\":\"member.admitted\",\"v\":1}");
        try (WebServer other = WebServer.start(new WebSettings("127.0.0.1", 0, "Tampered"), List.of(new RecordPages(tampered)));
             Browser browser = Browser.open(1280, 900)) {
            browser.get("http://127.0.0.1:" + other.port() + "/record/entries/5");

            assertThat(browser.driver.findElement(By.cssSelector("[data-verdict]")).getAttribute("data-verdict")).isEqualTo("failed");
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-browser-verdict='failed']")));
            assertThat(browser.driver.findElement(By.cssSelector("[data-browser-verdict]")).getText()).contains("does NOT match");
        }
    }

    @Test
    void a_checkpoint_signed_without_the_logs_key_is_refused_by_the_readers_browser() {
        MemoryRecord forged = new MemoryRecord("forged.smolny.test/record");
        for (int i = 0; i < 5; i++) {
            forged.append("{\"body\":{\"n\":" + i + "},\"type\":\"member.admitted\",\"v\":1}");
        }
        forged.forge(org.smolny.record.note.SignerKey.generate("forged.smolny.test/record", org.smolny.record.note.KeyType.ED25519));
        try (WebServer other = WebServer.start(new WebSettings("127.0.0.1", 0, "Forged"), List.of(new RecordPages(forged)));
             Browser browser = Browser.open(1280, 900)) {
            browser.get("http://127.0.0.1:" + other.port() + "/record/entries/2");

            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-browser-verdict='failed']")));
            assertThat(browser.driver.findElement(By.cssSelector("[data-browser-verdict]")).getText())
                    .contains("does NOT verify with the log’s key");
        }
    }

    @Test
    void older_entries_load_in_place_and_the_address_follows() {
        try (Browser browser = Browser.open(1280, 900)) {
            browser.get(base + "/record");
            browser.driver.findElement(By.linkText("Older entries")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("before=11"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("entry-0")));
            assertThat(browser.driver.findElements(By.id("entry-30"))).isEmpty();
            // Keyboard focus lands on the loaded part, not on the link that was replaced.
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(driver ->
                    "entries-heading".equals(driver.switchTo().activeElement().getAttribute("id")));
        }
    }

    @Test
    void the_record_pages_have_no_accessibility_violations_in_either_language() {
        try (Browser browser = Browser.open(1280, 900)) {
            for (String language : List.of("en", "fr")) {
                browser.get(base + "/language?set=" + language + "&back=/");
                for (String path : List.of("/record", "/record?before=5", "/record/checkpoint", "/record/entries/3", "/record/entries/30")) {
                    browser.get(base + path);
                    assertThat(browser.accessibilityViolations()).as(language + " " + path).isEmpty();
                }
            }
        }
    }

    @Test
    void on_a_360_pixel_phone_the_record_pages_do_not_scroll_sideways() {
        try (Browser browser = Browser.open(360, 780)) {
            for (String path : List.of("/record", "/record/checkpoint", "/record/entries/3")) {
                browser.get(base + path);
                assertThat(browser.viewportWidth()).isEqualTo(360);
                assertThat(browser.horizontalOverflow()).as(path).isZero();
            }
            browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE).renameTo(new java.io.File("target/entry-360.png"));
        }
    }
}
