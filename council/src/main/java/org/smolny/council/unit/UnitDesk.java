package org.smolny.council.unit;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.statutes.UnitType;

/** Decides unit commands. Stateless. */
public final class UnitDesk {

    private UnitDesk() {
    }

    public static Outcome decide(UnitCommand command, Context context) {
        return switch (command) {
            case UnitCommand.FoundUnit found -> found(found, context);
        };
    }

    private static Outcome found(UnitCommand.FoundUnit found, Context context) {
        Units units = context.state().units();
        if (found.unit() == null || found.name() == null || found.name().isBlank()) {
            return Outcome.reject("a new unit needs an id and a name");
        }
        if (units.find(found.unit()).isPresent()) {
            return Outcome.reject("unit " + found.unit() + " already exists");
        }
        UnitType type = context.statutes().unitType(found.unitType()).orElse(null);
        if (type == null) {
            return Outcome.reject("the statutes define no unit type '" + found.unitType() + "'");
        }
        if (type.isRoot()) {
            if (found.parent() != null) {
                return Outcome.reject("a unit of type '" + type.name() + "' is the root of the tree and has no parent");
            }
            if (units.root().isPresent()) {
                return Outcome.reject("the organisation already has its root unit, '" + units.root().get().name() + "'");
            }
        } else {
            Unit parent = found.parent() == null ? null : units.find(found.parent()).orElse(null);
            if (parent == null) {
                return Outcome.reject("a unit of type '" + type.name() + "' belongs under a unit of type '" + type.parent()
                        + "': name an existing one as its parent");
            }
            if (!parent.type().equals(type.parent())) {
                return Outcome.reject("a unit of type '" + type.name() + "' belongs under a unit of type '" + type.parent()
                        + "', not under '" + parent.name() + "' (a " + parent.type() + ")");
            }
        }
        return Outcome.accept(new CouncilEvent.UnitFounded(found.unit(), type.name(), found.parent(), found.name().strip()));
    }
}
