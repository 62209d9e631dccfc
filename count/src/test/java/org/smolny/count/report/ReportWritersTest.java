package org.smolny.count.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smolny.count.Counting;
import org.smolny.count.format.Blt;
import org.smolny.count.internal.Json;
import org.smolny.count.method.CountOptions;

class ReportWritersTest {
    private static final String FOOD = "5 3\n4 1 2 0\n2 2 1 0\n8 3 4 0\n4 3 5 0\n1 4 0\n1 5 0\n0\n\"Oranges\"\n\"Pears\"\n\"Chocolate\"\n\"Strawberries\"\n\"Sweets\"\n\"Food\"\n";

    @Test
    void every_method_writes_a_json_report_that_parses_and_lists_its_rounds() {
        for (String method : Counting.methodNames()) {
            int seats = method.equals("irv") ? 1 : 3;
            CountReport report = Counting.count(method, Blt.read(FOOD), CountOptions.seats(seats));
            Json.Obj json = (Json.Obj) Json.parse(ReportJson.write(report));
            assertThat(((Json.Str) json.get("method")).value()).isEqualTo(method);
            assertThat(((Json.Arr) json.get("rounds")).items()).hasSize(report.rounds().size()).isNotEmpty();
            assertThat(((Json.Arr) json.get("elected")).items()).hasSize(seats);
        }
    }

    @Test
    void the_text_report_shows_the_elected_each_round_its_rule_and_its_transfers() {
        String text = ReportText.write(Counting.count("stv-scottish", Blt.read(FOOD), CountOptions.seats(3)));
        assertThat(text).contains("Elected: Chocolate, Oranges, Strawberries")
                .contains("Round 2: surplus of Chocolate (6.00000)")
                .contains("Rule: SSI 2007/42 sch.1 r.48-49")
                .contains("transfer Chocolate -> Strawberries: 8 at 0.50000 = 4.00000")
                .contains("Quota: 6.00000");
    }
}
