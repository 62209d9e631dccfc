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

    /** Held, with the members elected. */
    record Held(ElectionId id, String post, UnitId unit, int seats, ElectionKind kind, Instant heldAt,
                List<MemberId> elected) implements Election {
        public Held {
            elected = List.copyOf(elected);
        }
    }
}
