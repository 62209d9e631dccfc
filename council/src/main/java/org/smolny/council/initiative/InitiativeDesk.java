package org.smolny.council.initiative;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.statutes.BodyRule;
import org.smolny.council.unit.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides member-initiative commands: a motion supported by the statutory share of a unit's members goes on its
 * body's agenda, whatever the body's officers think. Stateless.
 */
public final class InitiativeDesk {

    private InitiativeDesk() {
    }

    public static Outcome decide(InitiativeCommand command, Context context) {
        return switch (command) {
            case InitiativeCommand.OpenInitiative open -> open(open, context);
            case InitiativeCommand.SupportInitiative support -> support(support, context);
        };
    }

    private static Outcome open(InitiativeCommand.OpenInitiative open, Context context) {
        if (open.initiative() == null || context.state().initiatives().find(open.initiative()).isPresent()) {
            return Outcome.reject("a new initiative needs a new id");
        }
        Unit unit = context.state().units().find(open.unit()).orElse(null);
        BodyRule body = context.statutes().body(open.body()).orElse(null);
        if (unit == null || body == null || !body.unitType().equals(unit.type())) {
            return Outcome.reject("there is no body '" + open.body() + "' in that unit");
        }
        if (context.by() == null || !context.electorates().isFullMember(unit.id(), context.by(), context.now())) {
            return Outcome.reject("only a full member of '" + unit.name() + "' (past probation) can open an initiative there");
        }
        if (open.motion() == null) {
            return Outcome.reject("an initiative names its motion");
        }
        int size = context.electorates().fullMembers(unit.id(), context.now());
        int needed = context.statutes().initiative().threshold().of(size);
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.InitiativeOpened(open.initiative(), body.name(), unit.id(), open.motion(), context.by(),
                open.title() == null ? null : open.title().strip(), open.textSha256(), size, needed,
                context.daysLater(context.statutes().initiative().openDays())));
        if (needed <= 1) {
            events.add(new CouncilEvent.InitiativeTabled(open.initiative(), body.name(), unit.id(), open.motion(), 1));
        }
        return Outcome.accept(events);
    }

    private static Outcome support(InitiativeCommand.SupportInitiative support, Context context) {
        Initiative initiative = context.state().initiatives().find(support.initiative()).orElse(null);
        if (!(initiative instanceof Initiative.Open open)) {
            return Outcome.reject(initiative == null ? "there is no initiative " + support.initiative()
                    : "this initiative is no longer collecting support");
        }
        if (!context.now().isBefore(open.closesAt())) {
            return Outcome.reject("the initiative closed on " + open.closesAt());
        }
        if (context.by() == null || !context.electorates().isFullMember(open.body().unit(), context.by(), open.openedAt())) {
            return Outcome.reject("only those who were full members of the unit when the initiative opened can support it");
        }
        if (context.state().initiatives().hasSupported(open.id(), context.by())) {
            return Outcome.reject("you already support this initiative");
        }
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.InitiativeSupported(open.id(), open.body().unit(), context.by()));
        int supporters = context.state().initiatives().supportCount(open.id()) + 1;
        if (supporters >= open.supportNeeded()) {
            events.add(new CouncilEvent.InitiativeTabled(open.id(), open.body().body(), open.body().unit(), open.motion(), supporters));
        }
        return Outcome.accept(events);
    }

    /** Open initiatives past their closing date lapse. */
    public static List<CouncilEvent> lapses(Context context) {
        List<Initiative.Open> lapsing = new ArrayList<>();
        for (Initiative initiative : context.state().initiatives().all()) {
            if (initiative instanceof Initiative.Open open && !context.now().isBefore(open.closesAt())) {
                lapsing.add(open);
            }
        }
        lapsing.sort(Comparator.comparing(open -> open.id().value()));
        List<CouncilEvent> events = new ArrayList<>();
        for (Initiative.Open open : lapsing) {
            events.add(new CouncilEvent.InitiativeLapsed(open.id(), open.body().unit(), context.state().initiatives().supportCount(open.id())));
        }
        return events;
    }
}
