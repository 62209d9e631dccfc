package org.smolny.council.member;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateEndings;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.UnitType;
import org.smolny.council.unit.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides membership commands. Stateless. */
public final class MemberDesk {

    private MemberDesk() {
    }

    public static Outcome decide(MemberCommand command, Context context) {
        return switch (command) {
            case MemberCommand.AdmitMember admit -> admit(admit, context);
            case MemberCommand.TransferMember transfer -> transfer(transfer, context);
            case MemberCommand.Resign resign -> resign(resign, context);
            case MemberCommand.RecordLapse lapse -> lapse(lapse, context);
        };
    }

    private static Outcome admit(MemberCommand.AdmitMember admit, Context context) {
        if (admit.member() == null || admit.commitment() == null || admit.unitVote() == null) {
            return Outcome.reject("an admission needs the new member's id, the commitment to their personal data and the unit's vote");
        }
        if (context.state().members().find(admit.member()).isPresent()) {
            return Outcome.reject("member id " + admit.member() + " is already on the record; a new member gets a new id");
        }
        Optional<String> refusal = admittingUnit(admit.unit(), context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Optional<String> vote = context.statutes().rule(DecisionType.ADMISSION).failure(admit.unitVote());
        if (vote.isPresent()) {
            return Outcome.reject("not admitted: " + vote.get());
        }
        return Outcome.accept(new CouncilEvent.MemberAdmitted(admit.member(), admit.unit(), admit.commitment(), admit.unitVote(),
                context.daysLater(context.statutes().membership().probationDays())));
    }

    private static Optional<String> admittingUnit(org.smolny.council.unit.UnitId unitId, Context context) {
        Unit unit = unitId == null ? null : context.state().units().find(unitId).orElse(null);
        if (unit == null) {
            return Optional.of("there is no unit " + unitId);
        }
        UnitType type = context.statutes().unitType(unit.type()).orElseThrow();
        if (!type.admitsMembers()) {
            return Optional.of("members join a unit whose type admits members; '" + unit.name() + "' is a " + unit.type()
                    + ", which does not: members join " + context.statutes().unitTypes().stream()
                    .filter(UnitType::admitsMembers).map(UnitType::name).toList());
        }
        return Optional.empty();
    }

    private static Outcome transfer(MemberCommand.TransferMember transfer, Context context) {
        Membership.Active active = context.state().members().active(transfer.member()).orElse(null);
        if (active == null) {
            return Outcome.reject("only a current member can transfer");
        }
        if (active.unit().equals(transfer.toUnit())) {
            return Outcome.reject("the member already belongs to that unit");
        }
        Optional<String> refusal = admittingUnit(transfer.toUnit(), context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (transfer.unitVote() == null) {
            return Outcome.reject("a transfer needs the receiving unit's vote");
        }
        Optional<String> vote = context.statutes().rule(DecisionType.ADMISSION).failure(transfer.unitVote());
        if (vote.isPresent()) {
            return Outcome.reject("the receiving unit did not accept the transfer: " + vote.get());
        }
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.MemberTransferred(transfer.member(), active.unit(), transfer.toUnit(), transfer.unitVote()));
        events.addAll(MandateEndings.relinquishOutside(context, transfer.member(), transfer.toUnit(),
                "the holder transferred to a unit outside the electorate"));
        return Outcome.accept(events);
    }

    private static Outcome resign(MemberCommand.Resign resign, Context context) {
        Membership.Active active = context.state().members().active(resign.member()).orElse(null);
        if (active == null) {
            return Outcome.reject("only a current member can resign");
        }
        if (!resign.member().equals(context.by())) {
            return Outcome.reject("only the member can resign their own membership");
        }
        List<CouncilEvent> events = new ArrayList<>(MandateEndings.relinquishAll(context, resign.member(), "the holder resigned from the organisation"));
        events.addFirst(new CouncilEvent.MemberResigned(resign.member(), active.unit()));
        return Outcome.accept(events);
    }

    private static Outcome lapse(MemberCommand.RecordLapse lapse, Context context) {
        Membership.Active active = context.state().members().active(lapse.member()).orElse(null);
        if (active == null) {
            return Outcome.reject("only a current membership can lapse");
        }
        if (lapse.reason() == null || lapse.reason().isBlank()) {
            return Outcome.reject("a lapse is recorded with its reason");
        }
        List<CouncilEvent> events = new ArrayList<>(MandateEndings.relinquishAll(context, lapse.member(), "the holder's membership lapsed"));
        events.addFirst(new CouncilEvent.MemberLapsed(lapse.member(), active.unit(), lapse.reason().strip()));
        return Outcome.accept(events);
    }
}
