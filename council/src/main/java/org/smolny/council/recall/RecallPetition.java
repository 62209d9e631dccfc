package org.smolny.council.recall;

import org.smolny.council.mandate.MandateId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;

/** A recall petition against a mandate: open for signatures, awaiting the electorate's vote, or closed. */
public sealed interface RecallPetition {

    PetitionId id();

    MandateId mandate();

    UnitId unit();

    /**
     * Open for signatures until {@code closesAt}.
     *
     * @param openedAt electors at this moment (who are electors still) may sign
     * @param electorateSize the electorate counted when the petition opened
     * @param signaturesNeeded the statutory threshold of that electorate
     */
    record Open(PetitionId id, MandateId mandate, UnitId unit, Instant openedAt, Instant closesAt, int electorateSize,
                int signaturesNeeded) implements RecallPetition {
    }

    /**
     * Reached the threshold under the recall-vote procedure: the electorate votes until {@code votingClosesAt} (the
     * statutory deadline), when the vote closes and is decided by the statutes' rule for recall votes.
     */
    record AwaitingVote(PetitionId id, MandateId mandate, UnitId unit, int electorateSize, int signatures, Instant votingClosesAt)
            implements RecallPetition {
    }

    /** Closed: the mandate was recalled, or not. */
    record Closed(PetitionId id, MandateId mandate, UnitId unit, boolean recalled, int signatures) implements RecallPetition {
    }
}
