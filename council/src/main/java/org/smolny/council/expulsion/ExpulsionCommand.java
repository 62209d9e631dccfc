package org.smolny.council.expulsion;

import org.smolny.council.command.Command;
import org.smolny.council.member.MemberId;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;

import java.time.Instant;

/** The steps of due process, in order, and the one command that is always refused: expelling without it. */
public sealed interface ExpulsionCommand extends Command {

    /** A member of {@code unit} (the acting member) brings a written charge; the document is referenced by its hash. */
    record BringCharge(ChargeId charge, MemberId member, UnitId unit, String documentSha256, String clause)
            implements ExpulsionCommand {
    }

    /** The unit gives the member written notice of the charge and of the hearing's date. */
    record NotifyCharge(ChargeId charge, Instant hearingAt) implements ExpulsionCommand {
    }

    /** The unit hears the charge and the member's answer. */
    record HearCharge(ChargeId charge) implements ExpulsionCommand {
    }

    /** {@code unit} votes on the charge; only the member's own unit can. */
    record VoteOnCharge(ChargeId charge, UnitId unit, VoteTally unitVote) implements ExpulsionCommand {
    }

    /** The expelled member appeals to the congress. */
    record Appeal(ChargeId charge) implements ExpulsionCommand {
    }

    /**
     * Records the congress's decision on the appeal: {@code congressVote} names the closed, quorate vote on a motion
     * naming the charge; the motion carried reinstates the member, voted down confirms the expulsion.
     */
    record DecideAppeal(ChargeId charge, org.smolny.council.congress.CongressVoteRef congressVote) implements ExpulsionCommand {
    }

    /** A body expels a member directly, without due process. Always refused, with the reason. */
    record ExpelDirectly(MemberId member, UnitId byUnit) implements ExpulsionCommand {
    }
}
