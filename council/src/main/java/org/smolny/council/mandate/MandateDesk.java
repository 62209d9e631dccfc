package org.smolny.council.mandate;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Rule;
import org.smolny.council.election.ElectionId;
import org.smolny.council.election.ElectionKind;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.statutes.PostRule;
import org.smolny.council.unit.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides mandate commands ({@link MandatePolicy} lists the rules) and ends mandates whose term is over. Stateless. */
public final class MandateDesk {

    private MandateDesk() {
    }

    public static Outcome decide(MandateCommand command, Context context) {
        return switch (command) {
            case MandateCommand.AppointToPost appoint -> appoint(appoint, context);
            case MandateCommand.RelinquishMandate relinquish -> relinquish(relinquish, context);
            case MandateCommand.InstructDelegate instruct -> instruct(instruct, context);
            case MandateCommand.RecordDelegateVote vote -> vote(vote, context);
        };
    }

    private static Outcome appoint(MandateCommand.AppointToPost appoint, Context context) {
        if (appoint.mandate() == null || context.state().mandates().find(appoint.mandate()).isPresent()) {
            return Outcome.reject("a new mandate needs a new id");
        }
        Unit unit = context.state().units().find(appoint.unit()).orElse(null);
        if (unit == null) {
            return Outcome.reject("there is no unit " + appoint.unit());
        }
        PostRule post = context.statutes().post(appoint.post()).orElse(null);
        if (post == null) {
            return Outcome.reject("the statutes define no post '" + appoint.post() + "'");
        }
        Optional<String> refusal = Rule.firstBroken(MandatePolicy.APPOINTING, new MandatePolicy.Appointment(appoint, post, unit, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        return Outcome.accept(new CouncilEvent.MandateConferred(appoint.mandate(), post.name(), unit.id(), appoint.appointee(),
                MandateSource.APPOINTED, null, null));
    }

    private static Outcome relinquish(MandateCommand.RelinquishMandate relinquish, Context context) {
        Mandate.Active mandate = context.state().mandates().active(relinquish.mandate()).orElse(null);
        if (mandate == null) {
            return Outcome.reject("there is no mandate in force " + relinquish.mandate());
        }
        if (!mandate.holder().equals(context.by())) {
            return Outcome.reject("only the holder can give up a mandate; electors end it by recall");
        }
        String reason = relinquish.reason() == null || relinquish.reason().isBlank() ? "the holder resigned the post" : relinquish.reason().strip();
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.MandateRelinquished(mandate.id(), mandate.unit(), reason));
        if (mandate.source() == MandateSource.ELECTED) {
            events.add(MandateEndings.byElection(context, mandate));
        }
        return Outcome.accept(events);
    }

    private static Outcome instruct(MandateCommand.InstructDelegate instruct, Context context) {
        Mandate.Active mandate = context.state().mandates().active(instruct.mandate()).orElse(null);
        if (mandate == null) {
            return Outcome.reject("there is no mandate in force " + instruct.mandate());
        }
        if (instruct.motion() == null || instruct.position() == null || instruct.unitVote() == null || instruct.unit() == null) {
            return Outcome.reject("an instruction names the unit, the motion, the position and the unit's vote");
        }
        Optional<String> refusal = Rule.firstBroken(MandatePolicy.INSTRUCTING, new MandatePolicy.Instruction(instruct, mandate, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        return Outcome.accept(new CouncilEvent.InstructionGiven(mandate.id(), mandate.unit(), instruct.motion(),
                instruct.position(), instruct.unitVote()));
    }

    private static Outcome vote(MandateCommand.RecordDelegateVote vote, Context context) {
        Mandate.Active mandate = context.state().mandates().active(vote.mandate()).orElse(null);
        if (mandate == null) {
            return Outcome.reject("there is no mandate in force " + vote.mandate() + ": only a sitting delegate votes");
        }
        if (vote.motion() == null || vote.position() == null) {
            return Outcome.reject("a delegate's vote names the motion and the position");
        }
        if (context.state().mandates().vote(mandate.id(), vote.motion()).isPresent()) {
            return Outcome.reject("this delegate's vote on the motion is already recorded");
        }
        Position instructed = context.state().mandates().instruction(mandate.id(), vote.motion()).orElse(null);
        return Outcome.accept(new CouncilEvent.DelegateVoteRecorded(mandate.id(), mandate.unit(), vote.motion(), vote.position(), instructed));
    }

    /** Mandates whose term is over expire; an election is scheduled for the seats they leave. */
    public static List<CouncilEvent> expiries(Context context) {
        List<Mandate.Active> expiring = new ArrayList<>();
        for (Mandate mandate : context.state().mandates().all()) {
            if (mandate instanceof Mandate.Active active && active.endsAt() != null && !active.endsAt().isAfter(context.now())) {
                expiring.add(active);
            }
        }
        expiring.sort(Comparator.comparing((Mandate.Active mandate) -> mandate.endsAt()).thenComparing(mandate -> mandate.id().value()));
        List<CouncilEvent> events = new ArrayList<>();
        Map<String, Integer> seatsByPostAndUnit = new LinkedHashMap<>();
        Map<String, Mandate.Active> sample = new LinkedHashMap<>();
        for (Mandate.Active mandate : expiring) {
            events.add(new CouncilEvent.MandateExpired(mandate.id(), mandate.unit()));
            String key = mandate.post() + "@" + mandate.unit();
            seatsByPostAndUnit.merge(key, 1, Integer::sum);
            sample.putIfAbsent(key, mandate);
        }
        seatsByPostAndUnit.forEach((key, seats) -> {
            Mandate.Active mandate = sample.get(key);
            int alreadyScheduled = context.state().elections().seatsScheduled(mandate.post(), mandate.unit());
            int toSchedule = seats - alreadyScheduled;
            if (toSchedule > 0) {
                events.add(new CouncilEvent.ElectionScheduled(new ElectionId(context.newId()), mandate.post(), mandate.unit(),
                        toSchedule, ElectionKind.REGULAR, context.daysLater(context.statutes().recall().byElectionDays())));
            }
        });
        return events;
    }
}
