package org.smolny.council.election;

import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.List;

/** An election of a post's seats in a unit: scheduled, or held. */
public sealed interface Election {

    ElectionId id();

    String post();

    UnitId unit();

    int seats();

    ElectionKind kind();

    /** Scheduled, to be held by {@code holdBy}. */
    record Scheduled(ElectionId id, String post, UnitId unit, int seats, ElectionKind kind, Instant holdBy)
            implements Election {
    }

    /** Held, with the number of candidates who received votes and the members elected. */
    record Held(ElectionId id, String post, UnitId unit, int seats, ElectionKind kind, Instant heldAt, int candidates,
                List<MemberId> elected) implements Election {

        /** Whether more candidates stood than there were seats. */
        public boolean contested() {
            return candidates > seats;
        }

        public Held {
            elected = List.copyOf(elected);
        }
    }
}
