package org.smolny.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;

@Tag("browser")
class CorePagesBrowserTest {

    private static WebServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "Syndicat des essais"), List.of());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_home_page_error_pages_and_problem_pages_have_no_accessibility_violations_in_either_language() {
        try (Browser browser = Browser.open(1280, 900)) {
            for (String language : List.of("en", "fr")) {
                browser.get(base + "/language?set=" + language + "&back=/");
                for (String path : List.of("/", "/no-such-page", "/problems/invalid-parameter")) {
                    browser.get(base + path);
                    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
                    assertThat(browser.accessibilityViolations()).as(language + " " + path).isEmpty();
                }
            }
        }
    }

    @Test
    void a_person_switches_the_language_and_stays_on_the_same_page() {
        try (Browser browser = Browser.open(1280, 900)) {
            browser.get(base + "/problems/not-found");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");

            browser.driver.findElement(By.cssSelector(".language-switcher a[lang='fr']")).click();

            assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/problems/not-found");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Introuvable");
        }
    }

    @Test
    void on_a_360_pixel_phone_nothing_scrolls_sideways() {
        try (Browser browser = Browser.open(360, 780)) {
            for (String path : List.of("/", "/no-such-page", "/problems/not-available")) {
                browser.get(base + path);
                assertThat(browser.viewportWidth()).isEqualTo(360);
                assertThat(browser.horizontalOverflow()).as(path).isZero();
            }
        }
    }
}
