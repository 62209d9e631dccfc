package org.smolny.council.initiative;

import org.smolny.council.command.Command;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.unit.UnitId;

/** Commands on member initiative. */
public sealed interface InitiativeCommand extends Command {

    /**
     * The acting member proposes a motion for {@code body} of {@code unit}; the motion's text is referenced by its
     * SHA-256. Their support is the first.
     */
    record OpenInitiative(InitiativeId initiative, String body, UnitId unit, MotionId motion, String title, String textSha256)
            implements InitiativeCommand {
    }

    /** The acting member supports an initiative. */
    record SupportInitiative(InitiativeId initiative) implements InitiativeCommand {
    }
}
