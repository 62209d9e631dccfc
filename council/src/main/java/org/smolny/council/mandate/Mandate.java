package org.smolny.council.mandate;

import org.smolny.council.election.ElectionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;

/** A seat of a post held by a member: in force, or ended. Each state is its own type. */
public sealed interface Mandate {

    MandateId id();

    String post();

    UnitId unit();

    MemberId holder();

    MandateSource source();

    /**
     * A mandate in force.
     *
     * @param election the election that conferred it, or null when appointed
     * @param endsAt the end of its term, or null for an appointed post without a term
     */
    record Active(MandateId id, String post, UnitId unit, MemberId holder, MandateSource source, ElectionId election,
                  Instant startedAt, Instant endsAt) implements Mandate {
    }

    /** A mandate that ended, and how. */
    record Ended(MandateId id, String post, UnitId unit, MemberId holder, MandateSource source, Instant startedAt,
                 Instant endedAt, Ending ending) implements Mandate {
    }

    /** How a mandate ended. */
    enum Ending {
        EXPIRED, RECALLED, RELINQUISHED
    }
}
