package org.smolny.bench.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.ballot.BallotBox;
import org.smolny.web.ballot.BallotPages;
import org.smolny.web.ballot.OpenElection;

/**
 * End-to-end measurement of ballot encryption in headless Chromium (issue 5: a 5-selection ballot in at most 100 ms).
 * Starts the web server with an election of 5 yes/no contests, opens the real voting page in Debian's Chromium, and
 * reports (1) the time the page itself measures around the encryption of the voter's first ballot (cold), and (2) the
 * distribution over {@code --runs} encryptions of the same script in the same page (warm), with the one-off
 * precomputation for the election key. Every encryption includes all proofs and the credential signature.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.smolny.bench.browser.BrowserEncryptionRun [--runs N]}
 */
public final class BrowserEncryptionRun {

    private BrowserEncryptionRun() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 50;
        P256Group group = P256Group.instance();
        SecureRandom random = new SecureRandom();
        List<Contest> contests = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            contests.add(new Contest("question-" + i, "Question " + i, List.of("Yes"), Contest.LimitKind.AT_MOST, 1));
        }
        Manifest manifest = new Manifest("bench-5", "Five yes/no questions", "P-256", new CeremonyParameters(1, 1), contests);
        VoterCredential voter = VoterCredential.generate(group, random);
        OpenElection election = new OpenElection("bench-5", manifest,
                new ElectionPublicKey(group.powerOfGenerator(group.randomSecret(random))), List.of(new PublicCredential(voter.publicKey(), 1)));
        Path folder = Files.createTempDirectory("smolny-browser-bench-");
        try (RecordStore record = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")));
             WebServer server = WebServer.start(new WebSettings("127.0.0.1", 0, "Bench"),
                     List.of(new BallotPages(List.of(new BallotBox(election, record, "Bench", Clock.systemUTC())))))) {
            ChromeDriver driver = chromium(folder.resolve("profile"));
            try {
                driver.get("http://127.0.0.1:" + server.port() + "/ballot/bench-5");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-status]"), "Ready"));
                driver.findElement(By.id("credential")).sendKeys(Bytes.hex(voter.secret().revealEncoding()));
                for (int i = 0; i < 5; i += 2) {
                    driver.findElement(By.cssSelector("label[for='choice-" + i + "-0']")).click();
                }
                driver.findElement(By.cssSelector("[data-encrypt]")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-encrypted]")));
                String pageMs = driver.findElement(By.cssSelector("[data-encrypted]")).getAttribute("data-encrypt-ms");

                Object result = driver.executeAsyncScript(String.join("\n",
                        "const done = arguments[arguments.length - 1];",
                        "const runs = " + runs + ";",
                        "import('/static/ballot/smolny-ballot.mjs').then(async (b) => {",
                        "  const api = await (await fetch('/api/ballot/bench-5')).json();",
                        "  const { manifest, hash } = b.readManifest(api.manifest);",
                        "  let t = performance.now();",
                        "  const key = b.prepareElectionKey(api.electionKey);",
                        "  const prepare = performance.now() - t;",
                        "  const credentialSecret = b.secureRandom.secret();",
                        "  const marks = [[1], [0], [1], [0], [1]];",
                        "  const times = [];",
                        "  for (let i = 0; i < runs; i++) {",
                        "    t = performance.now();",
                        "    b.encryptBallot({ manifest, manifestHash: hash, electionKey: key, credentialSecret, marks });",
                        "    times.push(performance.now() - t);",
                        "  }",
                        "  times.sort((x, y) => x - y);",
                        "  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];",
                        "  done(JSON.stringify({ prepare, median: at(0.5), p90: at(0.9), min: times[0], max: times[times.length - 1],",
                        "    mean: times.reduce((x, y) => x + y, 0) / times.length, userAgent: navigator.userAgent }));",
                        "}).catch((e) => done(JSON.stringify({ error: String(e) })));"));
                System.out.println("Browser ballot encryption, 5 yes/no selections (5 ElGamal ciphertexts, 5 disjunctive 0/1 proofs, credential signature)");
                System.out.println("voting page, first ballot after load (cold), ms: " + pageMs);
                System.out.println("same page, " + runs + " encryptions (warm): " + result);
            } finally {
                driver.quit();
            }
        }
    }

    private static ChromeDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver"))).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
        return driver;
    }

    private static String executable(String name) {
        for (String directory : List.of("/usr/bin", "/usr/lib/chromium")) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: apt-get install chromium chromium-driver");
    }
}
