package org.smolny.council.meeting;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.statutes.BodyRule;
import org.smolny.council.unit.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides meeting commands and flags bodies that have not met in time (drill D9): every body has a statutory interval;
 * an overdue meeting is flagged on the record; a petition of the statutory share of members convenes the body without
 * its leadership. Stateless.
 */
public final class MeetingDesk {

    private MeetingDesk() {
    }

    public static Outcome decide(MeetingCommand command, Context context) {
        return switch (command) {
            case MeetingCommand.HoldMeeting hold -> hold(hold, context);
            case MeetingCommand.OpenConveningPetition open -> open(open, context);
            case MeetingCommand.SignConveningPetition sign -> sign(sign, context);
        };
    }

    private static String bodyRefusal(String bodyName, Unit unit, BodyRule body) {
        if (unit == null || body == null) {
            return "there is no body '" + bodyName + "' in that unit";
        }
        return body.unitType().equals(unit.type()) ? null
                : "body '" + body.name() + "' belongs to units of type '" + body.unitType() + "', not to '" + unit.name() + "'";
    }

    private static Outcome hold(MeetingCommand.HoldMeeting hold, Context context) {
        Unit unit = context.state().units().find(hold.unit()).orElse(null);
        BodyRule body = context.statutes().body(hold.body()).orElse(null);
        String refusal = bodyRefusal(hold.body(), unit, body);
        if (refusal != null) {
            return Outcome.reject(refusal);
        }
        BodyInUnit key = new BodyInUnit(body.name(), unit.id());
        ConveningId convening = context.state().meetings().pendingConvened(key).map(Meetings.Convened::petition).orElse(null);
        return Outcome.accept(new CouncilEvent.MeetingHeld(body.name(), unit.id(), convening));
    }

    private static Outcome open(MeetingCommand.OpenConveningPetition open, Context context) {
        if (open.petition() == null || context.state().meetings().petition(open.petition()).isPresent()) {
            return Outcome.reject("a new petition needs a new id");
        }
        Unit unit = context.state().units().find(open.unit()).orElse(null);
        BodyRule body = context.statutes().body(open.body()).orElse(null);
        String refusal = bodyRefusal(open.body(), unit, body);
        if (refusal != null) {
            return Outcome.reject(refusal);
        }
        if (context.by() == null || !context.electorates().isFullMember(unit.id(), context.by(), context.now())) {
            return Outcome.reject("only a full member of '" + unit.name() + "' (past probation) can petition to convene its " + body.name());
        }
        BodyInUnit key = new BodyInUnit(body.name(), unit.id());
        for (ConveningPetition petition : context.state().meetings().petitions()) {
            if (petition instanceof ConveningPetition.Open pending && pending.body().equals(key) && !metSince(pending, context)) {
                return Outcome.reject("a petition to convene this body is already open: sign petition " + pending.id());
            }
        }
        int size = context.electorates().fullMembers(unit.id(), context.now());
        int needed = body.conveningThreshold().of(size);
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.ConveningPetitionOpened(open.petition(), body.name(), unit.id(), context.by(), size, needed));
        if (needed <= 1) {
            events.add(new CouncilEvent.MeetingConvened(open.petition(), body.name(), unit.id(), context.daysLater(body.conveneWithinDays())));
        }
        return Outcome.accept(events);
    }

    private static boolean metSince(ConveningPetition.Open petition, Context context) {
        return context.state().meetings().lastHeld(petition.body()).map(held -> held.isAfter(petition.openedAt())).orElse(false);
    }

    private static Outcome sign(MeetingCommand.SignConveningPetition sign, Context context) {
        ConveningPetition petition = context.state().meetings().petition(sign.petition()).orElse(null);
        if (!(petition instanceof ConveningPetition.Open open)) {
            return Outcome.reject(petition == null ? "there is no petition " + sign.petition()
                    : "this petition has already convened the body");
        }
        if (metSince(open, context)) {
            return Outcome.reject("the body has met since this petition opened; open a new one if it is needed again");
        }
        if (context.by() == null || !context.electorates().isFullMember(open.body().unit(), context.by(), open.openedAt())) {
            return Outcome.reject("only those who were full members of the unit when the petition opened can sign");
        }
        if (context.state().meetings().hasSigned(open.id(), context.by())) {
            return Outcome.reject("you have already signed this petition");
        }
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.ConveningPetitionSigned(open.id(), open.body().unit(), context.by()));
        if (context.state().meetings().signatureCount(open.id()) + 1 >= open.signaturesNeeded()) {
            BodyRule body = context.statutes().body(open.body().body()).orElse(null);
            if (body == null) {
                return Outcome.reject("the statutes in force no longer have a body '" + open.body().body() + "'");
            }
            events.add(new CouncilEvent.MeetingConvened(open.id(), body.name(), open.body().unit(), context.daysLater(body.conveneWithinDays())));
        }
        return Outcome.accept(events);
    }

    /** When {@code body} of {@code unit} must next meet: its interval after the last meeting (or the unit's founding), or sooner if convened. */
    public static Instant dueAt(Context context, BodyRule body, Unit unit) {
        BodyInUnit key = new BodyInUnit(body.name(), unit.id());
        Instant since = context.state().meetings().lastHeld(key).orElse(unit.foundedAt());
        Instant due = since.plus(Duration.ofDays(body.meetsEveryDays()));
        Instant convened = context.state().meetings().convenedBy(key).orElse(null);
        return convened != null && convened.isBefore(due) ? convened : due;
    }

    /** Every body past its due date, not yet flagged for that date, is flagged overdue. */
    public static List<CouncilEvent> overdue(Context context) {
        List<CouncilEvent> events = new ArrayList<>();
        List<Unit> units = new ArrayList<>(context.state().units().all());
        units.sort(Comparator.comparing(unit -> unit.id().value()));
        for (Unit unit : units) {
            for (BodyRule body : context.statutes().bodies()) {
                if (!body.unitType().equals(unit.type())) {
                    continue;
                }
                Instant due = dueAt(context, body, unit);
                BodyInUnit key = new BodyInUnit(body.name(), unit.id());
                boolean flagged = context.state().meetings().flaggedDue(key).map(due::equals).orElse(false);
                if (context.now().isAfter(due) && !flagged) {
                    events.add(new CouncilEvent.MeetingFlaggedOverdue(body.name(), unit.id(), due));
                }
            }
        }
        return events;
    }
}
