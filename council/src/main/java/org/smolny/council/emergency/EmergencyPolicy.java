package org.smolny.council.emergency;

import org.smolny.council.command.Context;
import org.smolny.council.command.Rule;
import org.smolny.council.statutes.BodyRule;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.unit.Unit;

import java.time.Duration;
import java.util.List;

/**
 * Every rule on emergency powers, in one place (drill D6): a grant lasts at most the statutory length, expires on its
 * own unless the congress ratifies it, a ratification lasts at most the same length, and a body cannot chain grants to
 * escape ratification.
 */
public final class EmergencyPolicy {

    private EmergencyPolicy() {
    }

    /** A grant about to be made. */
    public record Grant(EmergencyCommand.GrantEmergencyPowers command, Unit unit, BodyRule body, Context context) {
    }

    /** A ratification about to be made. */
    public record Ratification(EmergencyCommand.RatifyEmergencyPowers command, Powers powers, Context context) {
    }

    public static final Rule<Grant> THE_BODY_BELONGS_TO_THE_UNIT = Rule.of(
            "the granting body is a body of the unit",
            grant -> grant.body().unitType().equals(grant.unit().type()) ? null
                    : "body '" + grant.body().name() + "' belongs to units of type '" + grant.body().unitType() + "'");

    public static final Rule<Grant> NO_LONGER_THAN_THE_STATUTES_ALLOW = Rule.of(
            "a grant lasts at most the statutory maximum",
            grant -> grant.command().days() >= 1 && grant.command().days() <= grant.context().statutes().emergency().maxDays() ? null
                    : "emergency powers last from 1 to " + grant.context().statutes().emergency().maxDays()
                    + " days under the statutes, not " + grant.command().days());

    public static final Rule<Grant> THE_HOLDER_IS_IN_OFFICE = Rule.of(
            "powers go to the holder of a mandate in force",
            grant -> grant.context().state().mandates().active(grant.command().holder()).isPresent() ? null
                    : "emergency powers go to the holder of a mandate in force");

    public static final Rule<Grant> THE_HOLDER_SERVES_THE_GRANTING_UNIT = Rule.of(
            "powers go to the holder of a mandate in the granting unit or a unit below it",
            grant -> grant.context().state().mandates().active(grant.command().holder())
                    .filter(mandate -> grant.context().state().units().isWithin(mandate.unit(), grant.unit().id())).isPresent()
                    ? null : "a body grants emergency powers only to the holder of a mandate in its own unit or a unit below it");

    public static final Rule<Grant> THE_BODY_DECIDED = Rule.of(
            "the body decided by the statutory quorum and majority for emergency powers",
            grant -> grant.context().statutes().rule(DecisionType.EMERGENCY_POWERS).failure(grant.command().bodyVote())
                    .map(failure -> "the body did not grant the powers: " + failure).orElse(null));

    public static final Rule<Grant> NO_CHAINED_GRANTS = Rule.of(
            "a body cannot renew its own grant: only the congress extends emergency powers",
            grant -> {
                Duration cooling = Duration.ofDays(grant.context().statutes().emergency().maxDays());
                for (Powers powers : grant.context().state().emergencyPowers().all()) {
                    if (!powers.unit().equals(grant.unit().id()) || !powers.body().equals(grant.body().name())) {
                        continue;
                    }
                    if (powers instanceof Powers.InForce) {
                        return "'" + grant.body().name() + "' already holds emergency powers in force (" + powers.id()
                                + "): only the congress can extend them, by ratification";
                    }
                    if (powers instanceof Powers.Expired expired && !expired.ratified()
                            && grant.context().now().isBefore(expired.expiredAt().plus(cooling))) {
                        return "the last emergency powers granted by '" + grant.body().name() + "' expired unratified on "
                                + expired.expiredAt() + "; it cannot grant new ones for " + cooling.toDays()
                                + " days after that without the congress";
                    }
                }
                return null;
            });

    public static final Rule<Ratification> ONLY_POWERS_IN_FORCE_ARE_RATIFIED = Rule.of(
            "only powers in force can be ratified",
            ratification -> ratification.powers() instanceof Powers.InForce inForce
                    && ratification.context().now().isBefore(inForce.expiresAt()) ? null
                    : "these emergency powers have expired: they cannot be revived by ratification");

    public static final Rule<Ratification> RATIFIED_FOR_AT_MOST_THE_STATUTORY_LENGTH = Rule.of(
            "a ratification lasts at most the statutory maximum",
            ratification -> ratification.command().days() >= 1
                    && ratification.command().days() <= ratification.context().statutes().emergency().maxDays() ? null
                    : "a ratification lasts from 1 to " + ratification.context().statutes().emergency().maxDays() + " days");

    public static final Rule<Ratification> THE_CONGRESS_RATIFIED = Rule.of(
            "the congress ratified by the statutory quorum and majority",
            ratification -> ratification.command().congressVote() == null ? "only a vote of the congress ratifies emergency powers"
                    : org.smolny.council.congress.CongressDecisions.refusal(ratification.command().congressVote(),
                            DecisionType.EMERGENCY_RATIFICATION, ratification.command().powers().toString(), ratification.context().state())
                    .map(failure -> "the congress did not ratify: " + failure).orElse(null));

    /** The rules for granting, in the order checked. */
    public static final List<Rule<Grant>> GRANTING = List.of(THE_BODY_BELONGS_TO_THE_UNIT, NO_LONGER_THAN_THE_STATUTES_ALLOW,
            THE_HOLDER_IS_IN_OFFICE, THE_HOLDER_SERVES_THE_GRANTING_UNIT, THE_BODY_DECIDED, NO_CHAINED_GRANTS);

    /** The rules for ratifying, in the order checked. */
    public static final List<Rule<Ratification>> RATIFYING = List.of(ONLY_POWERS_IN_FORCE_ARE_RATIFIED,
            RATIFIED_FOR_AT_MOST_THE_STATUTORY_LENGTH, THE_CONGRESS_RATIFIED);
}
