package org.smolny.council.recall;

import org.smolny.council.command.Command;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.Position;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;

/** Commands on recall. Any elector opens and signs; no body can stop a petition. */
public sealed interface RecallCommand extends Command {

    /** The acting elector opens a petition to recall the holder of {@code mandate}; their signature is the first. */
    record OpenRecallPetition(PetitionId petition, MandateId mandate) implements RecallCommand {
    }

    /** The acting elector signs. */
    record SignRecallPetition(PetitionId petition) implements RecallCommand {
    }

    /** Under the recall-vote procedure: the electorate's vote on the recall. */
    record DecideRecallVote(PetitionId petition, VoteTally electorateVote) implements RecallCommand {
    }

    /** Under the recall-vote procedure: the acting elector votes on the recall, before the vote's deadline. */
    record CastRecallVote(PetitionId petition, Position position) implements RecallCommand {
    }

    /** A body tries to stop or overturn a recall. Always refused: no body can veto a recall. */
    record VetoRecall(PetitionId petition, UnitId byUnit) implements RecallCommand {
    }
}
