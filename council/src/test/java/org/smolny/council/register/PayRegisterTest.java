package org.smolny.council.register;

import org.junit.jupiter.api.Test;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.indicator.Indicators;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.CongressVoteRef;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.statutes.DecisionType;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drill D7: officials' pay and benefits are public and capped at a multiple of the members' median wage. */
class PayRegisterTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> docks = union.admit(union.docks, 6);
    private final MemberId secretary;
    private final MandateId mandate;

    PayRegisterTest() {
        union.passProbation();
        secretary = docks.get(0);
        mandate = union.elect("branch-secretary", union.docks, secretary, docks);
        union.elect("congress-delegate", union.docks, docks.get(1), docks);
        union.accept(new RegisterCommand.DeclareMedianWage(300_000, "EUR", "2026 members' wage survey"), null);
    }

    private RegisterCommand.RecordPayment payment(long amountMinor, PaymentKind kind, String description, CongressVoteRef congressVote) {
        return payment(PaymentId.generate(union.clock.instant()), amountMinor, kind, description, congressVote);
    }

    private RegisterCommand.RecordPayment payment(PaymentId id, long amountMinor, PaymentKind kind, String description,
                                                  CongressVoteRef congressVote) {
        return new RegisterCommand.RecordPayment(id, secretary, mandate, "2026-08", kind, description, amountMinor, "EUR", congressVote);
    }

    @Test
    void an_officials_pay_within_the_cap_goes_on_the_public_register() {
        List<CouncilEvent> events = union.accept(payment(300_000, PaymentKind.PAY, "salary", null), null);

        CouncilEvent.PaymentRecorded recorded = (CouncilEvent.PaymentRecorded) events.getFirst();
        assertThat(recorded.capMinor()).isEqualTo(450_000);
        assertThat(recorded.monthTotalMinor()).isEqualTo(300_000);
        assertThat(recorded.congressVote()).isNull();
    }

    @Test
    void a_benefit_that_takes_the_month_above_the_cap_is_refused() {
        union.accept(payment(400_000, PaymentKind.PAY, "salary", null), null);

        String reason = union.reject(payment(90_000, PaymentKind.BENEFIT, "a car all day", null), null);

        assertThat(reason).isEqualTo("this payment brings the official's 2026-08 to 4900.00 EUR, above the cap of 4500.00 "
                + "(1.5 x the median wage of 3000.00): refused unless the congress votes it");
        assertThat(union.council.state().register().monthTotal(secretary, "2026-08")).isEqualTo(400_000);
    }

    @Test
    void a_payment_above_the_cap_is_recorded_when_a_closed_congress_vote_carried_a_motion_naming_it() {
        PaymentId strikePay = PaymentId.generate(union.clock.instant());
        CongressVoteRef congress = union.congressCarries(DecisionType.PAY_ABOVE_CAP, "Pay " + strikePay + " during the national strike");

        List<CouncilEvent> events = union.accept(payment(strikePay, 500_000, PaymentKind.PAY, "salary during the national strike", congress), null);

        assertThat(((CouncilEvent.PaymentRecorded) events.getFirst()).congressVote()).isEqualTo(congress);
        assertThat(new Indicators(union.council.state()).payMultiples("2026-08")).singleElement()
                .satisfies(multiple -> assertThat(multiple.multiple()).isEqualByComparingTo(new BigDecimal("1.67")));
    }

    @Test
    void a_congress_vote_that_lost_does_not_lift_the_cap() {
        PaymentId pay = PaymentId.generate(union.clock.instant());
        CongressVoteRef lost = union.congressVotes(DecisionType.PAY_ABOVE_CAP, "Pay " + pay + " above the cap", Position.AGAINST);

        String reason = union.reject(payment(pay, 500_000, PaymentKind.PAY, "salary", lost), null);

        assertThat(reason).contains("the congress vote named does not carry it: the congress did not carry motion " + lost.motion());
    }

    @Test
    void a_congress_vote_on_another_question_does_not_lift_the_cap() {
        PaymentId pay = PaymentId.generate(union.clock.instant());
        CongressVoteRef otherPayment = union.congressCarries(DecisionType.PAY_ABOVE_CAP, "Pay the organiser's strike allowance above the cap");
        CongressVoteRef ordinary = union.congressCarries(DecisionType.ORDINARY, "Pay " + pay + " as the executive sees fit");

        assertThat(union.reject(payment(pay, 500_000, PaymentKind.PAY, "salary", otherPayment), null))
                .endsWith("motion " + otherPayment.motion() + " does not name " + pay + ": the congress voted on another question");
        assertThat(union.reject(payment(pay, 500_000, PaymentKind.PAY, "salary", ordinary), null))
                .endsWith("was a decision of type 'ordinary', not 'pay_above_cap'");
    }

    @Test
    void a_congress_vote_that_does_not_exist_does_not_lift_the_cap() {
        CongressVoteRef invented = new CongressVoteRef(CongressId.generate(union.clock.instant()), MotionId.generate(union.clock.instant()));

        assertThat(union.reject(payment(500_000, PaymentKind.PAY, "salary", invented), null))
                .endsWith("there is no congress " + invented.congress());
    }

    @Test
    void payments_are_made_only_to_holders_of_a_mandate_in_force() {
        union.accept(new MandateCommand.RelinquishMandate(mandate, "stepping down"), secretary);
        assertThat(union.reject(payment(100_000, PaymentKind.PAY, "salary", null), null))
                .isEqualTo("the official does not hold that mandate in force");
    }

    @Test
    void without_a_declared_median_wage_no_payment_is_recorded() {
        TestOrganisation other = TestOrganisation.nationalUnion();
        List<MemberId> members = other.admit(other.docks, 3);
        other.passProbation();
        MandateId officer = other.elect("branch-secretary", other.docks, members.get(0), members);
        String reason = other.reject(new RegisterCommand.RecordPayment(PaymentId.generate(other.clock.instant()), members.get(0), officer,
                "2026-08", PaymentKind.PAY, "salary", 1000, "EUR", null), null);
        assertThat(reason).startsWith("no median wage has been declared");
    }

    @Test
    void a_month_written_wrongly_is_refused_with_the_reason() {
        String reason = union.reject(new RegisterCommand.RecordPayment(PaymentId.generate(union.clock.instant()), secretary, mandate,
                "August", PaymentKind.PAY, "salary", 1000, "EUR", null), null);
        assertThat(reason).isEqualTo("the month must be written YYYY-MM, got 'August'");
    }
}
