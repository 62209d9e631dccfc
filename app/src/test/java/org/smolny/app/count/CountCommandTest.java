package org.smolny.app.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.SmolnyCli;

class CountCommandTest {
    private static final String FOOD = "../count/src/test/resources/golden/stv-scottish-food-election/ballots.blt";
    private static final String TENNESSEE = "../count/src/test/resources/golden/tennessee-capital/ballots.csv";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int smolny(String... args) {
        return SmolnyCli.execute(out, err, args);
    }

    @Test
    void counting_a_blt_file_by_scottish_stv_prints_the_elected_and_every_round() {
        assertThat(smolny("count", FOOD, "--method", "stv-scottish")).isZero();
        assertThat(out.toString()).contains("Elected: Chocolate, Oranges, Strawberries").contains("Round 5: last vacancies filled");
    }

    @Test
    void the_json_report_carries_the_rounds_of_a_weighted_csv_count() {
        assertThat(smolny("count", TENNESSEE, "--method", "irv", "--seats", "1", "--json")).isZero();
        assertThat(out.toString()).contains("\"elected\": [\"Knoxville\"]").contains("\"round\": 3").contains("\"validWeight\": 100");
    }

    @Test
    void the_lot_order_given_on_the_command_line_breaks_a_schulze_tie(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("tie.csv");
        Files.writeString(file, "1,2\nAna,Ben\nBen,Ana\n");
        assertThat(smolny("count", file.toString(), "--method", "schulze", "--lot-order", "Ben,Ana")).isZero();
        assertThat(out.toString()).contains("Elected: Ben").contains("tie-breaking ranking");
    }

    @Test
    void a_malformed_ballot_file_is_invalid_input_with_its_line(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("bad.blt");
        Files.writeString(file, "2 1\n1 1 2 0\n1 2 x 0\n0\n\"A\"\n\"B\"\n\"T\"\n");
        assertThat(smolny("count", file.toString(), "--method", "irv")).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":3: a preference must be a candidate number");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_count_the_method_cannot_do_is_invalid_input() {
        assertThat(smolny("count", FOOD, "--method", "irv", "--seats", "3")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot count: instant-runoff fills one seat");
    }

    @Test
    void an_unknown_method_or_a_missing_file_argument_is_a_usage_error() {
        assertThat(smolny("count", FOOD, "--method", "borda")).isEqualTo(2);
        assertThat(smolny("count", "--method", "irv")).isEqualTo(2);
        assertThat(smolny("count", FOOD, "--method", "irv", "--overvote", "maybe")).isEqualTo(2);
    }
}
