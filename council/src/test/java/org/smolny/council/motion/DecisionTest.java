package org.smolny.council.motion;

import org.junit.jupiter.api.Test;
import org.smolny.council.statutes.Share;

import static org.assertj.core.api.Assertions.assertThat;

/** Every majority the statutes can require, checked automatically, each result stating the rule that decided it. */
class DecisionTest {

    private static final Share TENTH = Share.of("0.1");

    private static Decision vote(MajorityRule rule, long inFavour, long against, long abstentions, long all) {
        return Decision.of(rule, "statutes, decisions.ordinary", TENTH, 100, 120, inFavour, against, abstentions, all, "votes");
    }

    @Test
    void a_simple_majority_needs_more_for_than_against_and_ignores_abstentions() {
        assertThat(vote(MajorityRule.SIMPLE, 41, 40, 30, 120).passed()).isTrue();
        Decision tie = vote(MajorityRule.SIMPLE, 40, 40, 30, 120);
        assertThat(tie.passed()).isFalse();
        assertThat(tie.threshold()).isEqualTo(41);
        assertThat(tie.sentence()).isEqualTo("Lost: 40 for, 40 against, 30 abstaining; the rule is a simple majority (more for"
                + " than against) (statutes, decisions.ordinary), counted in votes of 120 entitled, which needs at least 41 for.");
    }

    @Test
    void an_absolute_majority_needs_more_than_half_of_all_entitled_present_or_not() {
        assertThat(vote(MajorityRule.ABSOLUTE, 60, 10, 0, 120).passed()).isFalse();
        assertThat(vote(MajorityRule.ABSOLUTE, 61, 10, 0, 120).passed()).isTrue();
        assertThat(vote(MajorityRule.ABSOLUTE, 61, 10, 0, 121).threshold()).isEqualTo(61);
    }

    @Test
    void two_thirds_of_those_voting_counts_only_for_and_against() {
        assertThat(vote(MajorityRule.TWO_THIRDS_OF_VOTING, 40, 20, 50, 120).passed()).isTrue();
        assertThat(vote(MajorityRule.TWO_THIRDS_OF_VOTING, 39, 20, 0, 120).passed()).isFalse();
        assertThat(vote(MajorityRule.TWO_THIRDS_OF_VOTING, 1, 0, 90, 120).passed()).isTrue();
        assertThat(vote(MajorityRule.TWO_THIRDS_OF_VOTING, 0, 0, 90, 120).passed()).isFalse();
    }

    @Test
    void two_thirds_of_all_members_counts_everyone_entitled() {
        assertThat(vote(MajorityRule.TWO_THIRDS_OF_MEMBERS, 79, 0, 0, 120).passed()).isFalse();
        assertThat(vote(MajorityRule.TWO_THIRDS_OF_MEMBERS, 80, 0, 0, 120).passed()).isTrue();
        assertThat(vote(MajorityRule.TWO_THIRDS_OF_MEMBERS, 80, 0, 0, 121).threshold()).isEqualTo(81);
    }

    @Test
    void without_quorum_nothing_is_decided_and_the_result_says_so() {
        Decision decision = Decision.of(MajorityRule.SIMPLE, "statutes, decisions.ordinary", Share.of("0.5"), 59, 120, 59, 0, 0, 120, "votes");

        assertThat(decision.passed()).isFalse();
        assertThat(decision.inquorate()).isTrue();
        assertThat(decision.threshold()).isEqualTo(60);
        assertThat(decision.sentence()).startsWith("Not decided: no quorum (quorum of 0.5 of the 120 seats (statutes, decisions.ordinary): 59 present, 60 needed)");
    }

    @Test
    void a_rule_asks_at_least_as_much_only_when_it_is_at_least_as_strict() {
        assertThat(MajorityRule.TWO_THIRDS_OF_MEMBERS.atLeastAsStrictAs(MajorityRule.TWO_THIRDS_OF_VOTING)).isTrue();
        assertThat(MajorityRule.ABSOLUTE.atLeastAsStrictAs(MajorityRule.SIMPLE)).isTrue();
        assertThat(MajorityRule.SIMPLE.atLeastAsStrictAs(MajorityRule.ABSOLUTE)).isFalse();
        assertThat(MajorityRule.ABSOLUTE.atLeastAsStrictAs(MajorityRule.TWO_THIRDS_OF_VOTING)).isFalse();
    }
}
