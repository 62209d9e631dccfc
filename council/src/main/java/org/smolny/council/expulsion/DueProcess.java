package org.smolny.council.expulsion;

import org.smolny.council.command.Context;
import org.smolny.council.command.Rule;
import org.smolny.council.member.Membership;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.unit.Unit;
import org.smolny.council.unit.UnitId;

import java.util.List;

/**
 * Every rule of due process for expulsion, in one place (drill D4). A member is expelled only on a written
 * charge, after notice and a hearing, by the vote of their own unit, with an appeal to the congress; no body above
 * the unit can charge or expel.
 */
public final class DueProcess {

    private DueProcess() {
    }

    /** A charge being brought: the member charged, their membership, the unit bringing it. */
    public record Bringing(ExpulsionCommand.BringCharge command, Membership.Active member, Context context) {
    }

    /** A step on an existing charge. */
    public record Step(Charge charge, Context context) {
    }

    /** A unit voting on a charge. */
    public record Voting(ExpulsionCommand.VoteOnCharge command, Charge charge, Context context) {
    }

    public static final Rule<Bringing> ONLY_THE_MEMBERS_OWN_UNIT_CHARGES = Rule.of(
            "only the member's own unit can bring a charge; no body above it can",
            bringing -> ownUnitOnly(bringing.command().unit(), bringing.member(), bringing.context(), "bring a charge against"));

    public static final Rule<Bringing> THE_ACCUSER_BELONGS_TO_THE_UNIT = Rule.of(
            "the accuser is a member of the same unit",
            bringing -> bringing.context().by() != null && bringing.context().state().members().active(bringing.context().by())
                    .filter(accuser -> accuser.unit().equals(bringing.member().unit())).isPresent()
                    ? null : "a charge is brought by a member of the charged member's own unit");

    public static final Rule<Bringing> THE_CHARGE_IS_IN_WRITING = Rule.of(
            "the charge is written and names the clause of the statutes it relies on",
            bringing -> bringing.command().documentSha256() == null || bringing.command().clause() == null
                    || bringing.command().clause().isBlank()
                    ? "a charge is made in writing: give the written charge's SHA-256 and the clause of the statutes" : null);

    public static final Rule<Step> NOTICE_COMES_BEFORE_THE_HEARING = Rule.of(
            "the member receives written notice before anything else happens",
            step -> step.charge() instanceof Charge.Brought ? null : "notice has already been given on this charge");

    public static final Rule<Step> THE_HEARING_FOLLOWS_NOTICE = Rule.of(
            "the hearing is held on or after the date given in the notice",
            step -> switch (step.charge()) {
                case Charge.Notified notified when !step.context().now().isBefore(notified.hearingAt()) -> null;
                case Charge.Notified notified -> "the hearing was notified for " + notified.hearingAt() + " and cannot be held earlier";
                default -> "a charge is heard only after written notice, once";
            });

    public static final Rule<Voting> ONLY_THE_MEMBERS_OWN_UNIT_VOTES = Rule.of(
            "only the member's own unit votes on expulsion; no body above it can",
            voting -> voting.command().unit().equals(voting.charge().unit()) ? null
                    : refusalForOtherUnit(voting.command().unit(), voting.charge().unit(), voting.context(), "vote on the expulsion of"));

    public static final Rule<Voting> THE_MEMBER_IS_STILL_IN_THE_UNIT = Rule.of(
            "the member charged is still a member of the unit that charged them",
            voting -> voting.context().state().members().active(voting.charge().member())
                    .filter(member -> member.unit().equals(voting.charge().unit())).isPresent() ? null
                    : "the member charged is no longer a member of this unit; a charge is decided by the member's own unit");

    public static final Rule<Voting> THE_VOTE_FOLLOWS_THE_HEARING = Rule.of(
            "the unit votes only after the hearing",
            voting -> voting.charge() instanceof Charge.Heard ? null
                    : "the unit votes on a charge only after it has been notified and heard");

    public static final Rule<Voting> THE_VOTE_HAS_A_QUORUM = Rule.of(
            "the vote has the statutory quorum for expulsion",
            voting -> voting.context().statutes().rule(DecisionType.EXPULSION).hasQuorum(voting.command().unitVote()) ? null
                    : "no decision: " + voting.context().statutes().rule(DecisionType.EXPULSION).failure(voting.command().unitVote()).orElseThrow());

    public static final Rule<Step> ONLY_THE_EXPELLED_MEMBER_APPEALS = Rule.of(
            "the expelled member, and only they, may appeal",
            step -> step.context().by() != null && step.context().by().equals(step.charge().member()) ? null
                    : "only the expelled member can lodge an appeal");

    public static final Rule<Step> APPEALS_ARE_LODGED_IN_TIME = Rule.of(
            "an appeal is lodged within the statutory window",
            step -> switch (step.charge()) {
                case Charge.Expelled expelled when !step.context().now().isAfter(expelled.appealUntil()) -> null;
                case Charge.Expelled expelled -> "the appeal window closed on " + expelled.appealUntil();
                default -> "only an expulsion can be appealed, once";
            });

    public static final Rule<Step> THE_CONGRESS_DECIDES_LODGED_APPEALS = Rule.of(
            "the congress decides an appeal that was lodged",
            step -> step.charge() instanceof Charge.Appealed ? null : "there is no appeal pending on this charge");

    /** The rules for bringing a charge, in the order they are checked. */
    public static final List<Rule<Bringing>> BRINGING = List.of(ONLY_THE_MEMBERS_OWN_UNIT_CHARGES,
            THE_ACCUSER_BELONGS_TO_THE_UNIT, THE_CHARGE_IS_IN_WRITING);

    /** The rules for voting on a charge. */
    public static final List<Rule<Voting>> VOTING = List.of(ONLY_THE_MEMBERS_OWN_UNIT_VOTES, THE_MEMBER_IS_STILL_IN_THE_UNIT,
            THE_VOTE_FOLLOWS_THE_HEARING, THE_VOTE_HAS_A_QUORUM);

    /** The rules for lodging an appeal. */
    public static final List<Rule<Step>> APPEALING = List.of(ONLY_THE_EXPELLED_MEMBER_APPEALS, APPEALS_ARE_LODGED_IN_TIME);

    private static String ownUnitOnly(UnitId acting, Membership.Active member, Context context, String what) {
        return acting != null && acting.equals(member.unit()) ? null : refusalForOtherUnit(acting, member.unit(), context, what);
    }

    /** The refusal given when a unit other than the member's own tries to act. */
    static String refusalForOtherUnit(UnitId acting, UnitId own, Context context, String what) {
        String ownName = context.state().units().find(own).map(Unit::name).orElse(String.valueOf(own));
        Unit actingUnit = acting == null ? null : context.state().units().find(acting).orElse(null);
        if (actingUnit != null && context.state().units().isWithin(own, acting)) {
            return "no body above the member's own unit can " + what + " a member: '" + actingUnit.name()
                    + "' is above '" + ownName + "'; only '" + ownName + "' can, by due process";
        }
        return "only the member's own unit, '" + ownName + "', can " + what + " them";
    }
}
