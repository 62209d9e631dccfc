package org.smolny.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.BallotFormat;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;
import org.smolny.count.report.Transfer;

/**
 * Every folder under {@code golden/} holds ballots, the expected outcome from a published source,
 * and a README naming the source. Each expected fact is checked against a fresh count.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> every_golden_file_counts_to_its_published_result() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(GOLDEN)) {
            // rctab-* and droop-* folders hold the reference tabulators' own files: RctabGoldenFilesTest and DroopGoldenFilesTest read those
            dirs = s.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("rctab-") && !d.getFileName().toString().startsWith("droop-"))
                    .sorted().toList();
        }
        assertThat(dirs).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : dirs) {
            Properties expected = load(dir.resolve("expected.properties"));
            assertThat(dir.resolve("README.md")).as("README beside " + dir).exists();
            for (String prefix : prefixes(expected)) {
                String method = prefix.isEmpty() ? expected.getProperty("method") : prefix.substring(0, prefix.length() - 1);
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " counted by " + method, () -> check(dir, expected, prefix, method)));
            }
        }
        return tests.stream();
    }

    private static Set<String> prefixes(Properties p) {
        Set<String> out = new LinkedHashSet<>();
        if (p.getProperty("method") != null) out.add("");
        for (String key : p.stringPropertyNames()) if (key.endsWith(".elected") && !key.startsWith("round.") && key.indexOf('.') == key.lastIndexOf('.')) out.add(key.substring(0, key.indexOf('.') + 1));
        return out;
    }

    private static void check(Path dir, Properties expected, String prefix, String method) throws IOException {
        Path file;
        try (Stream<Path> s = Files.list(dir)) {
            file = s.filter(f -> f.getFileName().toString().startsWith("ballots.")).findFirst().orElseThrow();
        }
        BallotBox box = BallotFormat.ofFileName(file).read(Files.readString(file));
        int seats = Integer.parseInt(expected.getProperty("seats"));
        CountReport report = Counting.count(method, box, CountOptions.seats(seats));
        for (String key : expected.stringPropertyNames()) {
            if (!key.startsWith(prefix) || (prefix.isEmpty() && prefixes(expected).size() > 1 && key.contains(".") && !key.startsWith("round.") && !key.startsWith("d.") && !key.startsWith("p."))) continue;
            String rest = key.substring(prefix.length());
            String want = expected.getProperty(key).trim();
            String[] parts = rest.split("\\.");
            switch (parts[0]) {
                case "method", "seats" -> { }
                case "elected" -> assertThat(String.join(", ", report.elected())).as(key).isEqualTo(want);
                case "ranking" -> assertThat(String.join(", ", report.ranking())).as(key).isEqualTo(want);
                case "quota" -> assertThat(report.rounds()).allSatisfy(r -> assertThat(r.quota()).as(key).isEqualTo(want));
                case "d", "p" -> {
                    int row = box.candidateIndex(parts[1]);
                    List<Long> values = (parts[0].equals("d") ? report.pairwise().preferences() : report.pairwise().strongestPaths()).get(row);
                    assertThat(values).as(key).containsExactlyElementsOf(Arrays.stream(want.split(",")).map(String::trim).map(Long::valueOf).toList());
                }
                case "round" -> checkRound(report.round(Integer.parseInt(parts[1])), parts, key, want);
                default -> throw new AssertionError("unknown expectation " + key);
            }
        }
    }

    private static void checkRound(Round round, String[] parts, String key, String want) {
        switch (parts[2]) {
            case "elected" -> assertThat(String.join(", ", round.elected())).as(key).isEqualTo(want);
            case "eliminated" -> assertThat(String.join(", ", round.eliminated())).as(key).isEqualTo(want);
            case "action" -> assertThat(round.action()).as(key).isEqualTo(want);
            case "transfer" -> assertThat(round.transfers()).as(key)
                    .anySatisfy(t -> {
                        assertThat(t.from()).isEqualTo(parts[3]);
                        assertThat(t.to()).isEqualTo(parts[4]);
                        assertThat(t.transferValue()).isEqualTo(want);
                    });
            default -> assertThat(round.votesOf(parts[2])).as(key).isEqualTo(want);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
