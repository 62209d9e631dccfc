package org.smolny.council.emergency;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Rule;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.statutes.BodyRule;
import org.smolny.council.unit.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Decides emergency-powers commands ({@link EmergencyPolicy} lists the rules) and expires powers when their time is up. Stateless. */
public final class EmergencyDesk {

    private EmergencyDesk() {
    }

    public static Outcome decide(EmergencyCommand command, Context context) {
        return switch (command) {
            case EmergencyCommand.GrantEmergencyPowers grant -> grant(grant, context);
            case EmergencyCommand.RatifyEmergencyPowers ratify -> ratify(ratify, context);
        };
    }

    private static Outcome grant(EmergencyCommand.GrantEmergencyPowers grant, Context context) {
        if (grant.powers() == null || context.state().emergencyPowers().find(grant.powers()).isPresent()) {
            return Outcome.reject("a new grant needs a new id");
        }
        if (grant.bodyVote() == null || grant.scope() == null || grant.scope().isBlank()) {
            return Outcome.reject("a grant of emergency powers states their scope and gives the body's vote");
        }
        Unit unit = context.state().units().find(grant.unit()).orElse(null);
        BodyRule body = context.statutes().body(grant.body()).orElse(null);
        if (unit == null || body == null) {
            return Outcome.reject("there is no body '" + grant.body() + "' in unit " + grant.unit());
        }
        Optional<String> refusal = Rule.firstBroken(EmergencyPolicy.GRANTING, new EmergencyPolicy.Grant(grant, unit, body, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        return Outcome.accept(new CouncilEvent.EmergencyPowersGranted(grant.powers(), unit.id(), body.name(), grant.holder(),
                grant.scope().strip(), context.daysLater(grant.days()), grant.bodyVote()));
    }

    private static Outcome ratify(EmergencyCommand.RatifyEmergencyPowers ratify, Context context) {
        Powers powers = context.state().emergencyPowers().find(ratify.powers()).orElse(null);
        if (powers == null) {
            return Outcome.reject("there are no emergency powers " + ratify.powers());
        }
        Optional<String> refusal = Rule.firstBroken(EmergencyPolicy.RATIFYING, new EmergencyPolicy.Ratification(ratify, powers, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        return Outcome.accept(new CouncilEvent.EmergencyPowersRatified(powers.id(), powers.unit(), context.daysLater(ratify.days()),
                ratify.congressVote()));
    }

    /** Powers whose time is up expire, ratified or not: nothing lasts past its date. */
    public static List<CouncilEvent> expiries(Context context) {
        List<Powers.InForce> expiring = new ArrayList<>();
        for (Powers powers : context.state().emergencyPowers().all()) {
            if (powers instanceof Powers.InForce inForce && !inForce.expiresAt().isAfter(context.now())) {
                expiring.add(inForce);
            }
        }
        expiring.sort(Comparator.comparing((Powers.InForce inForce) -> inForce.expiresAt()).thenComparing(inForce -> inForce.id().value()));
        List<CouncilEvent> events = new ArrayList<>();
        for (Powers.InForce inForce : expiring) {
            events.add(new CouncilEvent.EmergencyPowersExpired(inForce.id(), inForce.unit()));
        }
        return events;
    }
}
