package org.smolny.council.statutes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatutesReaderTest {

    private static final Path NATIONAL_UNION = Path.of("../docs/examples/national-union.toml");
    private static final Path COOPERATIVES = Path.of("../docs/examples/cooperative-federation.toml");

    private static String union() throws IOException {
        return Files.readString(NATIONAL_UNION);
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains(fragment)) {
                return index + 1;
            }
        }
        throw new AssertionError("fragment not found: " + fragment);
    }

    private static List<StatuteProblem> problems(String text) {
        StatutesCheck check = StatutesReader.read(text);
        assertThat(check).isInstanceOf(StatutesCheck.Invalid.class);
        return ((StatutesCheck.Invalid) check).problems();
    }

    @Test
    void the_example_national_union_statutes_are_valid() throws IOException {
        StatutesCheck check = StatutesReader.read(NATIONAL_UNION);
        assertThat(check).isInstanceOf(StatutesCheck.Valid.class);
        Statutes statutes = ((StatutesCheck.Valid) check).statutes();
        assertThat(statutes.unitTypes()).extracting(UnitType::name).containsExactly("national", "region", "branch");
        assertThat(statutes.post("regional-organiser").orElseThrow().elective()).isFalse();
        assertThat(statutes.post("national-executive").orElseThrow().seats()).isEqualTo(9);
        assertThat(statutes.recall().threshold()).isEqualTo(Share.of("0.25"));
        assertThat(statutes.congress().meetsEveryDays()).isEqualTo(731);
        assertThat(statutes.rule(DecisionType.EXPULSION).majority()).isEqualTo(Majority.TWO_THIRDS);
    }

    @Test
    void the_example_cooperative_federation_statutes_are_valid() throws IOException {
        StatutesCheck check = StatutesReader.read(COOPERATIVES);
        assertThat(check).isInstanceOf(StatutesCheck.Valid.class);
        Statutes statutes = ((StatutesCheck.Valid) check).statutes();
        assertThat(statutes.recall().procedure()).isEqualTo(RecallProcedure.RECALL_VOTE);
        assertThat(statutes.version()).isEqualTo(3);
    }

    @Test
    void a_recall_threshold_above_one_is_reported_on_its_line() throws IOException {
        String text = union().replace("threshold = 0.25", "threshold = 1.25");
        assertThat(problems(text)).containsExactly(new StatuteProblem(lineOf(text, "threshold = 1.25"),
                "recall.threshold is a share and must be above 0 and at most 1, got 1.25"));
    }

    @Test
    void a_recall_vote_lasts_the_statutory_vote_days_or_three_weeks_when_the_statutes_are_silent() throws IOException {
        Statutes silent = ((StatutesCheck.Valid) StatutesReader.read(union())).statutes();
        assertThat(silent.recall().voteDays()).isEqualTo(21);
        String text = union().replace("by_election_days = 42", "by_election_days = 42\nvote_days = 10");
        Statutes set = ((StatutesCheck.Valid) StatutesReader.read(text)).statutes();
        assertThat(set.recall().voteDays()).isEqualTo(10);
    }

    @Test
    void a_recall_vote_of_no_days_or_over_a_year_is_reported_on_its_line() throws IOException {
        String none = union().replace("by_election_days = 42", "by_election_days = 42\nvote_days = 0");
        assertThat(problems(none)).containsExactly(new StatuteProblem(lineOf(none, "vote_days = 0"),
                "recall.vote_days must be at least 1, got 0"));
        String long_ = union().replace("by_election_days = 42", "by_election_days = 42\nvote_days = 400");
        assertThat(problems(long_)).containsExactly(new StatuteProblem(lineOf(long_, "vote_days = 400"),
                "recall.vote_days must be at most 365, got 400"));
    }

    @Test
    void a_zero_quorum_is_reported_on_its_line() throws IOException {
        String text = union().replaceFirst("quorum = 0.25", "quorum = 0.00");
        assertThat(problems(text)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(text, "quorum = 0.00"));
            assertThat(problem.message()).contains("decisions.expulsion.quorum is a share");
        });
    }

    @Test
    void a_post_elected_by_an_electorate_that_does_not_exist_is_reported_on_its_line() throws IOException {
        String text = union().replace("electorate = \"region-members\"", "electorate = \"region-memberz\"");
        assertThat(problems(text)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(text, "region-memberz"));
            assertThat(problem.message()).startsWith("post 'regional-secretary' is elected by electorate 'region-memberz', which the statutes do not define");
        });
    }

    @Test
    void an_unknown_unit_type_referenced_by_a_post_is_reported_on_its_line() throws IOException {
        String text = union().replace("name = \"regional-organiser\"     # staff: appointed by the regional council, accountable to it\nunit_type = \"region\"",
                "name = \"regional-organiser\"\nunit_type = \"district\"");
        assertThat(problems(text)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(text, "unit_type = \"district\""));
            assertThat(problem.message()).isEqualTo("unknown unit type 'district'; the statutes define [branch, national, region]");
        });
    }

    @Test
    void a_parent_that_is_not_a_unit_type_is_reported_on_its_line() throws IOException {
        String text = union().replace("parent = \"region\"", "parent = \"regoin\"");
        assertThat(problems(text)).extracting(StatuteProblem::line).contains(lineOf(text, "regoin"));
        assertThat(problems(text)).extracting(StatuteProblem::message)
                .anySatisfy(message -> assertThat(message).contains("has parent 'regoin', which is not a unit type"));
    }

    @Test
    void a_misspelt_key_is_reported_with_the_keys_that_exist() throws IOException {
        String text = union().replace("petition_days = 60", "petition_days = 60\ntreshold = 0.3");
        assertThat(problems(text)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(text, "treshold"));
            assertThat(problem.message()).startsWith("unknown key 'treshold' in [recall]");
        });
    }

    @Test
    void a_missing_decision_rule_is_reported() throws IOException {
        String text = union().replace("[decisions.pay_above_cap]\nquorum = 0.5\nmajority = \"two-thirds\"\n", "");
        assertThat(problems(text)).extracting(StatuteProblem::message)
                .containsExactly("no rule for decisions of type 'pay_above_cap': add [decisions.pay_above_cap] with quorum and majority");
    }

    @Test
    void an_appointed_post_cannot_have_an_electorate() throws IOException {
        String text = union().replace("elective = false\nseats = 3", "elective = false\nelectorate = \"region-members\"\nseats = 3");
        assertThat(problems(text)).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("is appointed (elective = false) and cannot have an electorate");
            assertThat(problem.line()).isEqualTo(lineOf(text, "seats = 3") - 1);
        });
    }

    @Test
    void two_sovereign_bodies_are_refused() throws IOException {
        String text = union().replace("convene_within_days = 14\n\n[[bodies]]\nname = \"congress\"",
                "convene_within_days = 14\nsovereign = true\n\n[[bodies]]\nname = \"congress\"");
        assertThat(problems(text)).extracting(StatuteProblem::message)
                .anySatisfy(message -> assertThat(message).startsWith("exactly one body must be the congress"));
    }

    @Test
    void a_syntax_error_gives_its_line() throws IOException {
        String text = union().replace("probation_days = 180", "probation_days = = 180");
        assertThat(problems(text)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(text, "probation_days = = 180"));
            assertThat(problem.message()).startsWith("not valid TOML");
        });
    }

    @Test
    void every_problem_is_reported_not_only_the_first() throws IOException {
        String text = union().replace("threshold = 0.25", "threshold = 0").replace("max_days = 60", "max_days = 0");
        assertThat(problems(text)).hasSize(2).extracting(StatuteProblem::line)
                .containsExactly(lineOf(text, "threshold = 0 "), lineOf(text, "max_days = 0"));
    }

    @Test
    void odd_files_are_invalid_with_a_reason_never_an_exception() throws IOException {
        String union = union();
        List<String> odd = List.of("", "# only a comment\n", "recall = 5\n", "unit_types = \"branch\"\n", "[[decisions]]\nquorum = 1\n",
                union.replace("version = 1", "version = 99999999999999999999"),
                union.replace("version = 1", "version = 1979-05-27T07:32:00Z"),
                union.replace("probation_days = 180", "probation_days = -3"),
                union.replace("probation_days = 180", "probation_days = 1.5"),
                union.replace("[decisions.ordinary]", "[decisions.extraordinary]"),
                union.replace("name = \"region\"\nparent = \"national\"", "name = \"region\"\nparent = \"branch\""),
                "\u0000\u0001garbage = [");
        for (String text : odd) {
            StatutesCheck check = StatutesReader.read(text);
            assertThat(check).as(text.length() > 40 ? text.substring(0, 40) : text).isInstanceOf(StatutesCheck.Invalid.class);
            assertThat(((StatutesCheck.Invalid) check).problems()).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
        }
    }
}
