package org.smolny.council.unit;

import org.smolny.council.command.Command;

/** Commands on the tree of units. */
public sealed interface UnitCommand extends Command {

    /** Found a unit of {@code unitType} under {@code parent} (null for the root). */
    record FoundUnit(UnitId unit, String unitType, UnitId parent, String name) implements UnitCommand {
    }
}
