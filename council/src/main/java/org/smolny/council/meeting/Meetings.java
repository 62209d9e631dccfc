package org.smolny.council.meeting;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.member.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When each body last met, meetings convened by petition and not yet held, overdue flags and convening petitions:
 * a projection of the {@code meeting.*} and {@code convening-petition.*} events. Not thread-safe.
 */
public final class Meetings {

    private final Map<BodyInUnit, Instant> lastHeld = new HashMap<>();
    private final Map<BodyInUnit, Instant> convenedBy = new HashMap<>();
    private final Map<BodyInUnit, Instant> flaggedDue = new HashMap<>();
    private final Map<BodyInUnit, Integer> overdueFlags = new HashMap<>();
    private final Map<ConveningId, ConveningPetition> petitions = new HashMap<>();
    private final Map<ConveningId, Set<MemberId>> signatures = new HashMap<>();

    public Optional<Instant> lastHeld(BodyInUnit body) {
        return Optional.ofNullable(lastHeld.get(body));
    }

    /** The date by which a meeting convened by petition must be held, if one is pending. */
    public Optional<Instant> convenedBy(BodyInUnit body) {
        return Optional.ofNullable(convenedBy.get(body));
    }

    /** The due date last flagged overdue for {@code body}, if any. */
    public Optional<Instant> flaggedDue(BodyInUnit body) {
        return Optional.ofNullable(flaggedDue.get(body));
    }

    /** How many times each body has been flagged overdue. */
    public Map<BodyInUnit, Integer> overdueFlags() {
        return Collections.unmodifiableMap(overdueFlags);
    }

    public Optional<ConveningPetition> petition(ConveningId id) {
        return Optional.ofNullable(petitions.get(id));
    }

    public Collection<ConveningPetition> petitions() {
        return Collections.unmodifiableCollection(petitions.values());
    }

    public boolean hasSigned(ConveningId petition, MemberId member) {
        return signatures.getOrDefault(petition, Set.of()).contains(member);
    }

    public int signatureCount(ConveningId petition) {
        return signatures.getOrDefault(petition, Set.of()).size();
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.MeetingHeld held -> {
                BodyInUnit body = new BodyInUnit(held.body(), held.unit());
                lastHeld.put(body, at);
                convenedBy.remove(body);
            }
            case CouncilEvent.MeetingFlaggedOverdue flagged -> {
                BodyInUnit body = new BodyInUnit(flagged.body(), flagged.unit());
                flaggedDue.put(body, flagged.dueAt());
                overdueFlags.merge(body, 1, Integer::sum);
            }
            case CouncilEvent.ConveningPetitionOpened opened -> {
                petitions.put(opened.petition(), new ConveningPetition.Open(opened.petition(),
                        new BodyInUnit(opened.body(), opened.unit()), at, opened.electorateSize(), opened.signaturesNeeded()));
                signatures.computeIfAbsent(opened.petition(), id -> new HashSet<>()).add(opened.opener());
            }
            case CouncilEvent.ConveningPetitionSigned signed ->
                    signatures.computeIfAbsent(signed.petition(), id -> new HashSet<>()).add(signed.signer());
            case CouncilEvent.MeetingConvened convened -> {
                BodyInUnit body = new BodyInUnit(convened.body(), convened.unit());
                petitions.put(convened.petition(), new ConveningPetition.Convened(convened.petition(), body, convened.meetBy()));
                convenedBy.merge(body, convened.meetBy(), (earlier, later) -> earlier.isBefore(later) ? earlier : later);
            }
            default -> {
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Meetings that && lastHeld.equals(that.lastHeld) && convenedBy.equals(that.convenedBy)
                && flaggedDue.equals(that.flaggedDue) && overdueFlags.equals(that.overdueFlags)
                && petitions.equals(that.petitions) && signatures.equals(that.signatures);
    }

    @Override
    public int hashCode() {
        return lastHeld.hashCode();
    }
}
