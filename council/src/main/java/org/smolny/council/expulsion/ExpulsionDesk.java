package org.smolny.council.expulsion;

import org.smolny.council.congress.CongressDecisions;
import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Rule;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateEndings;
import org.smolny.council.member.Membership;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.DecisionRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides the steps of due process ({@link DueProcess} lists the rules). Stateless. */
public final class ExpulsionDesk {

    private ExpulsionDesk() {
    }

    public static Outcome decide(ExpulsionCommand command, Context context) {
        return switch (command) {
            case ExpulsionCommand.BringCharge bring -> bring(bring, context);
            case ExpulsionCommand.NotifyCharge notify -> withCharge(notify.charge(), context, charge -> notify(notify, charge, context));
            case ExpulsionCommand.HearCharge hear -> withCharge(hear.charge(), context, charge ->
                    refuseOr(Rule.firstBroken(List.of(DueProcess.THE_HEARING_FOLLOWS_NOTICE), new DueProcess.Step(charge, context)),
                            () -> Outcome.accept(new CouncilEvent.ChargeHeard(charge.id(), charge.unit()))));
            case ExpulsionCommand.VoteOnCharge vote -> withCharge(vote.charge(), context, charge -> vote(vote, charge, context));
            case ExpulsionCommand.Appeal appeal -> withCharge(appeal.charge(), context, charge ->
                    refuseOr(Rule.firstBroken(DueProcess.APPEALING, new DueProcess.Step(charge, context)),
                            () -> Outcome.accept(new CouncilEvent.AppealLodged(charge.id(), charge.unit()))));
            case ExpulsionCommand.DecideAppeal decide -> withCharge(decide.charge(), context, charge -> decideAppeal(decide, charge, context));
            case ExpulsionCommand.ExpelDirectly expel -> expelDirectly(expel, context);
        };
    }

    private static Outcome bring(ExpulsionCommand.BringCharge bring, Context context) {
        if (bring.charge() == null || context.state().charges().find(bring.charge()).isPresent()) {
            return Outcome.reject("a new charge needs a new id");
        }
        Membership.Active member = context.state().members().active(bring.member()).orElse(null);
        if (member == null) {
            return Outcome.reject("charges are brought only against current members");
        }
        return refuseOr(Rule.firstBroken(DueProcess.BRINGING, new DueProcess.Bringing(bring, member, context)),
                () -> Outcome.accept(new CouncilEvent.ChargeBrought(bring.charge(), bring.member(), bring.unit(), context.by(),
                        bring.documentSha256(), bring.clause().strip())));
    }

    private static Outcome notify(ExpulsionCommand.NotifyCharge notify, Charge charge, Context context) {
        Optional<String> refusal = Rule.firstBroken(List.of(DueProcess.NOTICE_COMES_BEFORE_THE_HEARING), new DueProcess.Step(charge, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        int noticeDays = context.statutes().membership().noticeDays();
        Instant earliest = context.daysLater(noticeDays);
        if (notify.hearingAt() == null || notify.hearingAt().isBefore(earliest)) {
            return Outcome.reject("the statutes give the member at least " + noticeDays + " days' notice: the hearing can be "
                    + "no earlier than " + earliest);
        }
        return Outcome.accept(new CouncilEvent.ChargeNotified(charge.id(), charge.unit(), notify.hearingAt()));
    }

    private static Outcome vote(ExpulsionCommand.VoteOnCharge vote, Charge charge, Context context) {
        if (vote.unitVote() == null || vote.unit() == null) {
            return Outcome.reject("a vote on a charge names the unit and gives its count");
        }
        Optional<String> refusal = Rule.firstBroken(DueProcess.VOTING, new DueProcess.Voting(vote, charge, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        DecisionRule rule = context.statutes().rule(DecisionType.EXPULSION);
        boolean expelled = rule.carries(vote.unitVote());
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.ChargeDecided(charge.id(), charge.unit(), vote.unitVote(), expelled));
        if (expelled) {
            events.add(new CouncilEvent.MemberExpelled(charge.member(), charge.unit(), charge.id(),
                    context.daysLater(context.statutes().membership().appealDays())));
            events.addAll(MandateEndings.relinquishAll(context, charge.member(), "the holder was expelled"));
        }
        return Outcome.accept(events);
    }

    private static Outcome decideAppeal(ExpulsionCommand.DecideAppeal decide, Charge charge, Context context) {
        Optional<String> refusal = Rule.firstBroken(List.of(DueProcess.THE_CONGRESS_DECIDES_LODGED_APPEALS), new DueProcess.Step(charge, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (decide.congressVote() == null) {
            return Outcome.reject("an appeal is decided by a vote of the congress: name the congress and the motion it voted on");
        }
        boolean reinstated;
        switch (CongressDecisions.closedAndQuorate(decide.congressVote(), DecisionType.EXPULSION_APPEAL, charge.id().toString(),
                context.state())) {
            case CongressDecisions.Verdict.Refused refused -> {
                return Outcome.reject("the congress vote does not decide this appeal: " + refused.reason());
            }
            case CongressDecisions.Verdict.Decided decided -> reinstated = decided.carried();
        }
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.AppealDecided(charge.id(), charge.unit(), decide.congressVote(), reinstated));
        if (reinstated) {
            events.add(new CouncilEvent.MemberReinstated(charge.member(), charge.unit(), charge.id()));
        }
        return Outcome.accept(events);
    }

    private static Outcome expelDirectly(ExpulsionCommand.ExpelDirectly expel, Context context) {
        Membership.Active member = context.state().members().active(expel.member()).orElse(null);
        if (member == null) {
            return Outcome.reject("there is no current member " + expel.member());
        }
        if (expel.byUnit() != null && !expel.byUnit().equals(member.unit())
                && context.state().units().isWithin(member.unit(), expel.byUnit())) {
            return Outcome.reject(DueProcess.refusalForOtherUnit(expel.byUnit(), member.unit(), context, "expel"));
        }
        return Outcome.reject("a member is expelled only by due process: a written charge, notice, a hearing and the vote of "
                + "their own unit, with an appeal to the congress; there is no direct expulsion");
    }

    private static Outcome withCharge(ChargeId id, Context context, java.util.function.Function<Charge, Outcome> then) {
        return context.state().charges().find(id).map(then).orElseGet(() -> Outcome.reject("there is no charge " + id));
    }

    private static Outcome refuseOr(Optional<String> refusal, java.util.function.Supplier<Outcome> accepted) {
        return refusal.map(Outcome::reject).orElseGet(accepted);
    }
}
