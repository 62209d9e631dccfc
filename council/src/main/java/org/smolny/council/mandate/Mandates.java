package org.smolny.council.mandate;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every mandate, the instructions units gave their delegates and the delegates' votes: a projection of the
 * {@code mandate.*}, {@code instruction.given} and {@code delegate-vote.recorded} events. Not thread-safe.
 */
public final class Mandates {

    /** A motion on which a mandate holder was instructed or voted. */
    public record OnMotion(MandateId mandate, MotionId motion) {
    }

    private final Map<MandateId, Mandate> mandates = new HashMap<>();
    private final Map<MemberId, Set<MandateId>> activeByHolder = new HashMap<>();
    private final Map<String, Set<MandateId>> activeByPost = new HashMap<>();
    private final Map<OnMotion, Position> instructions = new HashMap<>();
    private final Map<OnMotion, CouncilEvent.DelegateVoteRecorded> votes = new HashMap<>();

    public Optional<Mandate> find(MandateId id) {
        return Optional.ofNullable(mandates.get(id));
    }

    public Optional<Mandate.Active> active(MandateId id) {
        return mandates.get(id) instanceof Mandate.Active active ? Optional.of(active) : Optional.empty();
    }

    public Collection<Mandate> all() {
        return Collections.unmodifiableCollection(mandates.values());
    }

    /** The mandates in force for {@code post} in {@code unit}. */
    public List<Mandate.Active> activeFor(String post, UnitId unit) {
        List<Mandate.Active> result = new ArrayList<>();
        for (Mandate.Active active : activeOfPost(post)) {
            if (active.unit().equals(unit)) {
                result.add(active);
            }
        }
        return result;
    }

    /** The mandates in force for {@code post}, in every unit. */
    public List<Mandate.Active> activeOfPost(String post) {
        List<Mandate.Active> result = new ArrayList<>();
        for (MandateId id : activeByPost.getOrDefault(post, Set.of())) {
            result.add((Mandate.Active) mandates.get(id));
        }
        return result;
    }

    /** The mandates in force held by {@code member}. */
    public List<Mandate.Active> heldBy(MemberId member) {
        List<Mandate.Active> result = new ArrayList<>();
        for (MandateId id : activeByHolder.getOrDefault(member, Set.of())) {
            result.add((Mandate.Active) mandates.get(id));
        }
        return result;
    }

    /** The unit's instruction to the holder of {@code mandate} on {@code motion}, if any. */
    public Optional<Position> instruction(MandateId mandate, MotionId motion) {
        return Optional.ofNullable(instructions.get(new OnMotion(mandate, motion)));
    }

    /** The holder's recorded vote on {@code motion}, if any. */
    public Optional<CouncilEvent.DelegateVoteRecorded> vote(MandateId mandate, MotionId motion) {
        return Optional.ofNullable(votes.get(new OnMotion(mandate, motion)));
    }

    /** The recorded votes of the holder of {@code mandate}, in no particular order. */
    public List<CouncilEvent.DelegateVoteRecorded> votesOf(MandateId mandate) {
        List<CouncilEvent.DelegateVoteRecorded> result = new ArrayList<>();
        for (CouncilEvent.DelegateVoteRecorded vote : votes.values()) {
            if (vote.mandate().equals(mandate)) {
                result.add(vote);
            }
        }
        return result;
    }

    /** Every recorded delegate vote. */
    public Collection<CouncilEvent.DelegateVoteRecorded> votes() {
        return Collections.unmodifiableCollection(votes.values());
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.MandateConferred conferred -> {
                mandates.put(conferred.mandate(), new Mandate.Active(conferred.mandate(), conferred.post(), conferred.unit(),
                        conferred.holder(), conferred.source(), conferred.election(), at, conferred.endsAt()));
                activeByHolder.computeIfAbsent(conferred.holder(), holder -> new HashSet<>()).add(conferred.mandate());
                activeByPost.computeIfAbsent(conferred.post(), post -> new HashSet<>()).add(conferred.mandate());
            }
            case CouncilEvent.MandateExpired expired -> end(expired.mandate(), at, Mandate.Ending.EXPIRED);
            case CouncilEvent.MandateRecalled recalled -> end(recalled.mandate(), at, Mandate.Ending.RECALLED);
            case CouncilEvent.MandateRelinquished relinquished -> end(relinquished.mandate(), at, Mandate.Ending.RELINQUISHED);
            case CouncilEvent.InstructionGiven instruction ->
                    instructions.put(new OnMotion(instruction.mandate(), instruction.motion()), instruction.position());
            case CouncilEvent.DelegateVoteRecorded vote -> votes.put(new OnMotion(vote.mandate(), vote.motion()), vote);
            default -> {
            }
        }
    }

    private void end(MandateId id, Instant at, Mandate.Ending ending) {
        Mandate.Active active = (Mandate.Active) mandates.get(id);
        removeFrom(activeByHolder, active.holder(), id);
        removeFrom(activeByPost, active.post(), id);
        mandates.put(id, new Mandate.Ended(id, active.post(), active.unit(), active.holder(), active.source(),
                active.startedAt(), at, ending));
    }

    private static <K> void removeFrom(Map<K, Set<MandateId>> index, K key, MandateId id) {
        Set<MandateId> ids = index.get(key);
        ids.remove(id);
        if (ids.isEmpty()) {
            index.remove(key);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Mandates that && mandates.equals(that.mandates) && instructions.equals(that.instructions)
                && votes.equals(that.votes) && activeByHolder.equals(that.activeByHolder) && activeByPost.equals(that.activeByPost);
    }

    @Override
    public int hashCode() {
        return mandates.hashCode();
    }
}
