package org.smolny.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless through Debian's chromedriver, with a fresh profile, and
 * axe-core for accessibility checks. Nothing is downloaded: the browser and driver come from apt
 * ({@code chromium}, {@code chromium-driver}), axe-core's script from a test dependency.
 */
public final class Browser implements AutoCloseable {

    /** The axe-core rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    private static final String WCAG_AA_TAGS = "['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AXE_SOURCE = axeSource();

    public final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser whose viewport is {@code width} CSS pixels wide (a phone's, emulated, below 500). */
    public static Browser open(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("smolny-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-GB");
        if (width < 500) {
            // Chromium's windows are at least 500 px wide: narrower screens are emulated like a phone's.
            options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                    "deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile);
    }

    private static String executable(String name) {
        for (String directory : List.of("/usr/bin", "/usr/lib/chromium")) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: apt-get install chromium chromium-driver (bin/test does it)");
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void get(String url) {
        driver.get(url);
    }

    /** Runs axe-core's WCAG 2.2 A/AA rules on the current page and returns each violation as "rule: target (help)". */
    public List<String> accessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(AXE_SOURCE);
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: " + WCAG_AA_TAGS + "}, resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length})))"
                        + ".catch(e => done(JSON.stringify({error: String(e)})));");
        try {
            JsonNode report = JSON.readTree((String) result);
            if (report.has("error")) {
                throw new IllegalStateException("axe-core failed: " + report.get("error").asText());
            }
            if (report.path("passes").asInt() == 0) {
                throw new IllegalStateException("axe-core ran no rule on " + driver.getCurrentUrl());
            }
            List<String> violations = new ArrayList<>();
            for (JsonNode violation : report.path("violations")) {
                for (JsonNode node : violation.path("nodes")) {
                    violations.add(violation.path("id").asText() + ": " + node.path("target") + " (" + violation.path("help").asText() + ")");
                }
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways). */
    public long horizontalOverflow() {
        Object overflow = driver.executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth;");
        return ((Number) overflow).longValue();
    }

    long viewportWidth() {
        return ((Number) driver.executeScript("return window.innerWidth;")).longValue();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // the temporary profile is left behind; the test result does not depend on it
            }
        }
    }
}
