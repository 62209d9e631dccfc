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
    private final Map<BodyInUnit, Convened> convened = new HashMap<>();
    private final Map<BodyInUnit, Instant> flaggedDue = new HashMap<>();
    private final Map<BodyInUnit, Integer> overdueFlags = new HashMap<>();
    private final Map<ConveningId, ConveningPetition> petitions = new HashMap<>();
    private final Map<ConveningId, Set<MemberId>> signatures = new HashMap<>();

    public Optional<Instant> lastHeld(BodyInUnit body) {
        return Optional.ofNullable(lastHeld.get(body));
    }

    /**
     * A meeting convened by petition and not yet held.
     *
     * @param petition the petition that convened it (the first, if several did)
     * @param meetBy the date it must be held by (the earliest, if several petitions convened it)
     */
    public record Convened(ConveningId petition, Instant meetBy) {
    }

    /** The date by which a meeting convened by petition must be held, if one is pending. */
    public Optional<Instant> convenedBy(BodyInUnit body) {
        return Optional.ofNullable(convened.get(body)).map(Convened::meetBy);
    }

    /** The meeting convened by petition and not yet held, if any. */
    public Optional<Convened> pendingConvened(BodyInUnit body) {
        return Optional.ofNullable(convened.get(body));
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
                convened.remove(body);
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
            case CouncilEvent.MeetingConvened byPetition -> {
                BodyInUnit body = new BodyInUnit(byPetition.body(), byPetition.unit());
                petitions.put(byPetition.petition(), new ConveningPetition.Convened(byPetition.petition(), body, byPetition.meetBy()));
                convened.merge(body, new Convened(byPetition.petition(), byPetition.meetBy()),
                        (first, later) -> new Convened(first.petition(), first.meetBy().isBefore(later.meetBy()) ? first.meetBy() : later.meetBy()));
            }
            default -> {
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Meetings that && lastHeld.equals(that.lastHeld) && convened.equals(that.convened)
                && flaggedDue.equals(that.flaggedDue) && overdueFlags.equals(that.overdueFlags)
                && petitions.equals(that.petitions) && signatures.equals(that.signatures);
    }

    @Override
    public int hashCode() {
        return lastHeld.hashCode();
    }
}
