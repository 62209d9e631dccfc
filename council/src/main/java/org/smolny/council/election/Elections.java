package org.smolny.council.election;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every election, scheduled or held: a projection of the {@code election.*} events. Not thread-safe. */
public final class Elections {

    private final Map<ElectionId, Election> elections = new HashMap<>();

    public Optional<Election> find(ElectionId id) {
        return Optional.ofNullable(elections.get(id));
    }

    public Collection<Election> all() {
        return Collections.unmodifiableCollection(elections.values());
    }

    /** The seats of {@code post} in {@code unit} already scheduled for election and not yet held. */
    public int seatsScheduled(String post, UnitId unit) {
        int seats = 0;
        for (Election election : elections.values()) {
            if (election instanceof Election.Scheduled scheduled && scheduled.post().equals(post) && scheduled.unit().equals(unit)) {
                seats += scheduled.seats();
            }
        }
        return seats;
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.ElectionScheduled scheduled -> elections.put(scheduled.election(), new Election.Scheduled(
                    scheduled.election(), scheduled.post(), scheduled.unit(), scheduled.seats(), scheduled.kind(), scheduled.holdBy()));
            case CouncilEvent.ElectionHeld held -> {
                Election scheduled = elections.get(held.election());
                elections.put(held.election(), new Election.Held(held.election(), scheduled.post(), scheduled.unit(),
                        scheduled.seats(), scheduled.kind(), at, held.results().size(), held.elected()));
            }
            default -> {
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Elections that && elections.equals(that.elections);
    }

    @Override
    public int hashCode() {
        return elections.hashCode();
    }
}
