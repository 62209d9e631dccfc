package org.smolny.council.election;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every election, scheduled or held: a projection of the {@code election.*} events. Not thread-safe. */
public final class Elections {

    private final Map<ElectionId, Election> elections = new HashMap<>();
    /** The held elections whose named ballots are recorded in parts not all folded yet. */
    private final Map<ElectionId, AwaitedBallots> awaited = new HashMap<>();

    /** The parts of an election's named ballots announced by its {@code election.held} entry, and those folded so far. */
    private record AwaitedBallots(int count, int parts, String digest, List<List<Ballot>> received) {
    }

    /** The held elections whose ballots, recorded in parts, are not all on the record yet (empty on a complete record). */
    public java.util.Set<ElectionId> ballotsAwaited() {
        return java.util.Set.copyOf(awaited.keySet());
    }

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
                if (held.ballotParts() > 0) {
                    awaited.put(held.election(), new AwaitedBallots(held.ballotCount(), held.ballotParts(), held.ballotsDigest(),
                            new ArrayList<>()));
                }
            }
            case CouncilEvent.NamedBallotsRecorded recorded -> receive(recorded);
            default -> {
            }
        }
    }

    /**
     * Folds a part of an election's named ballots: it must be the next part announced by the election's
     * {@code election.held} entry; with the last part, the ballots must be as many as announced and have the digest
     * announced. Otherwise the record is inconsistent: an {@link IllegalStateException} saying what is wrong.
     */
    private void receive(CouncilEvent.NamedBallotsRecorded recorded) {
        AwaitedBallots expected = awaited.get(recorded.election());
        if (expected == null) {
            throw new IllegalStateException("ballots of election " + recorded.election()
                    + " recorded, but no held election awaits parts of its ballots");
        }
        if (recorded.part() != expected.received().size() + 1 || recorded.part() > expected.parts()) {
            throw new IllegalStateException("part " + recorded.part() + " of the ballots of election " + recorded.election()
                    + " is out of order: part " + (expected.received().size() + 1) + " of " + expected.parts() + " was next");
        }
        expected.received().add(recorded.ballots());
        if (recorded.part() == expected.parts()) {
            List<Ballot> ballots = expected.received().stream().flatMap(List::stream).toList();
            if (ballots.size() != expected.count()) {
                throw new IllegalStateException("election " + recorded.election() + " announced " + expected.count()
                        + " ballots; its parts hold " + ballots.size());
            }
            if (!NamedBallots.digest(ballots).equals(expected.digest())) {
                throw new IllegalStateException("the ballots of election " + recorded.election()
                        + " in their parts do not have the digest its election.held entry announced");
            }
            awaited.remove(recorded.election());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Elections that && elections.equals(that.elections) && awaited.equals(that.awaited);
    }

    @Override
    public int hashCode() {
        return elections.hashCode();
    }
}
