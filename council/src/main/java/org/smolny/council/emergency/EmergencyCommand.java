package org.smolny.council.emergency;

import org.smolny.council.command.Command;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;

/** Commands on emergency powers. They end on their own: there is no command to make them permanent. */
public sealed interface EmergencyCommand extends Command {

    /** {@code body} of {@code unit}, by its vote, grants the holder of {@code holder} powers described by {@code scope}, for {@code days}. */
    record GrantEmergencyPowers(PowersId powers, UnitId unit, String body, MandateId holder, String scope, int days,
                                VoteTally bodyVote) implements EmergencyCommand {
    }

    /**
     * The congress ratifies powers in force, for at most the statutory length again: {@code congressVote} names the
     * closed congress vote that carried an {@code emergency_ratification} motion naming these powers' id.
     */
    record RatifyEmergencyPowers(PowersId powers, int days, org.smolny.council.congress.CongressVoteRef congressVote)
            implements EmergencyCommand {
    }
}
