package org.smolny.council.member;

import org.smolny.council.unit.UnitId;

import java.time.Instant;

/** A member's standing: a current member, or a former one. Each state is its own type. */
public sealed interface Membership {

    MemberId member();

    UnitId unit();

    /** When the member was first admitted (their cohort). */
    Instant admittedAt();

    /**
     * A current member of {@code unit}.
     *
     * @param votingFrom the end of probation: from then on they vote, sign petitions and stand
     * @param inUnitSince since when they belong to {@code unit} (admission, transfer or reinstatement)
     */
    record Active(MemberId member, UnitId unit, Commitment commitment, Instant admittedAt, Instant votingFrom,
                  Instant inUnitSince) implements Membership {

        /** Whether the member has finished probation at {@code at}. */
        public boolean votesAt(Instant at) {
            return !votingFrom.isAfter(at);
        }
    }

    /** A former member, and how they left. */
    record Former(MemberId member, UnitId unit, Commitment commitment, Instant admittedAt, Instant votingFrom,
                  Instant leftAt, Departure departure) implements Membership {
    }

    /** How a member left. */
    enum Departure {
        RESIGNED, LAPSED, EXPELLED
    }
}
