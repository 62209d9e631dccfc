package org.smolny.count.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smolny.count.ballot.BallotBox;

/**
 * Damaged files (seeded random byte flips, deletions, insertions, truncations of real files) are
 * either read or refused with a {@link BallotFileException} naming a line inside the file, never
 * any other exception.
 */
class MalformedFilesTest {
    private static final String GOLDEN = "src/test/resources/golden/";

    @Test
    void damaged_blt_files_are_read_or_refused_with_a_line() throws Exception {
        damage(Files.readString(Path.of(GOLDEN + "schulze-wikipedia-45-voters/ballots.blt")), BallotFormat.BLT, 1);
    }

    @Test
    void damaged_csv_files_are_read_or_refused_with_a_line() throws Exception {
        damage(Files.readString(Path.of(GOLDEN + "tennessee-capital/ballots.csv")), BallotFormat.CSV, 2);
    }

    @Test
    void damaged_cdf_files_are_read_or_refused_with_a_line() {
        String cdf = Cdf.write(unweighted(), 3);
        damage(cdf, BallotFormat.CDF, 3);
    }

    private static BallotBox unweighted() {
        return Csv.read("1,2,3\nA,B,C\nB,,A\nC|A,B,\nA,,\n");
    }

    private static void damage(String original, BallotFormat format, long seed) {
        Random random = new Random(seed);
        String alphabet = "0123456789 -=\n\"{}[],:|#abcxyzAB\\";
        int refused = 0;
        for (int i = 0; i < 1500; i++) {
            StringBuilder sb = new StringBuilder(original);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(4)) {
                    case 0 -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> sb.deleteCharAt(at);
                    case 2 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.setLength(at);
                }
            }
            String text = sb.toString();
            int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
            try {
                format.read(text);
            } catch (BallotFileException e) {
                refused++;
                assertThat(e.line()).as("line of '%s' in %s", e.getMessage(), text).isBetween(0, lines);
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(refused).isPositive();
    }
}
