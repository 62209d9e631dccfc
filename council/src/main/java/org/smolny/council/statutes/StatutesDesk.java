package org.smolny.council.statutes;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.unit.Unit;

import java.util.stream.Collectors;

/** Decides statutes commands. Stateless. */
public final class StatutesDesk {

    private StatutesDesk() {
    }

    public static Outcome decide(StatutesCommand command, Context context) {
        return switch (command) {
            case StatutesCommand.AdoptStatutes adopt -> adopt(adopt, context);
            case StatutesCommand.AmendStatutes amend -> amend(amend, context);
        };
    }

    private static Outcome adopt(StatutesCommand.AdoptStatutes adopt, Context context) {
        if (context.state().statutes().current().isPresent()) {
            return Outcome.reject("the organisation already has statutes: change them by amendment, voted by the congress");
        }
        return switch (read(adopt.text())) {
            case StatutesCheck.Invalid invalid -> Outcome.reject(describe(invalid));
            case StatutesCheck.Valid valid -> Outcome.accept(new CouncilEvent.StatutesAdopted(valid.statutes().version(),
                    valid.statutes().sha256(), valid.statutes().text()));
        };
    }

    private static Outcome amend(StatutesCommand.AmendStatutes amend, Context context) {
        Statutes current = context.statutes();
        if (!(read(amend.text()) instanceof StatutesCheck.Valid valid)) {
            return Outcome.reject(describe((StatutesCheck.Invalid) read(amend.text())));
        }
        Statutes next = valid.statutes();
        if (next.version() != current.version() + 1) {
            return Outcome.reject("the amended statutes must be version " + (current.version() + 1) + ", not " + next.version());
        }
        for (Unit unit : context.state().units().all()) {
            UnitType type = next.unitType(unit.type()).orElse(null);
            if (type == null) {
                return Outcome.reject("the amended statutes drop unit type '" + unit.type() + "', which unit '" + unit.name()
                        + "' has: restructure the units first");
            }
        }
        for (Mandate mandate : context.state().mandates().all()) {
            if (mandate instanceof Mandate.Active active
                    && next.post(active.post()).filter(post -> post.unitType().equals(current.post(active.post())
                    .map(PostRule::unitType).orElse(post.unitType()))).isEmpty()) {
                return Outcome.reject("the amended statutes drop post '" + active.post() + "', which has mandates in force: "
                        + "let them end or be recalled first");
            }
        }
        if (amend.congressVote() == null) {
            return Outcome.reject("only the congress amends the statutes: name the congress and the motion it carried");
        }
        var refusal = org.smolny.council.congress.CongressDecisions.refusal(amend.congressVote(), DecisionType.STATUTES_AMENDMENT,
                next.sha256(), context.state());
        if (refusal.isPresent()) {
            return Outcome.reject("the congress vote does not amend the statutes: " + refusal.get());
        }
        return Outcome.accept(new CouncilEvent.StatutesAmended(next.version(), next.sha256(), next.text(), amend.congressVote()));
    }

    private static StatutesCheck read(String text) {
        return text == null ? new StatutesCheck.Invalid(java.util.List.of(new StatuteProblem(1, "no statutes text given")))
                : StatutesReader.read(text);
    }

    private static String describe(StatutesCheck.Invalid invalid) {
        return "the statutes are invalid: " + invalid.problems().stream().map(StatuteProblem::toString)
                .collect(Collectors.joining("; "));
    }
}
