package org.smolny.council.recall;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every recall petition and its signatures: a projection of the {@code recall-*} events. Not thread-safe. */
public final class RecallPetitions {

    private final Map<PetitionId, RecallPetition> petitions = new HashMap<>();
    private final Map<PetitionId, Set<MemberId>> signatures = new HashMap<>();
    private final Map<PetitionId, Map<MemberId, Position>> votes = new HashMap<>();

    /** The votes cast so far on the recall vote of {@code petition}, by elector. */
    public Map<MemberId, Position> votesCast(PetitionId petition) {
        return Collections.unmodifiableMap(votes.getOrDefault(petition, Map.of()));
    }

    public Optional<RecallPetition> find(PetitionId id) {
        return Optional.ofNullable(petitions.get(id));
    }

    public Collection<RecallPetition> all() {
        return Collections.unmodifiableCollection(petitions.values());
    }

    /** The petition against {@code mandate} that is open or awaiting its vote, if any. */
    public Optional<RecallPetition> pendingAgainst(MandateId mandate) {
        return petitions.values().stream()
                .filter(petition -> petition.mandate().equals(mandate) && !(petition instanceof RecallPetition.Closed))
                .findFirst();
    }

    public boolean hasSigned(PetitionId petition, MemberId member) {
        return signatures.getOrDefault(petition, Set.of()).contains(member);
    }

    public int signatureCount(PetitionId petition) {
        return signatures.getOrDefault(petition, Set.of()).size();
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.RecallPetitionOpened opened -> {
                petitions.put(opened.petition(), new RecallPetition.Open(opened.petition(), opened.mandate(), opened.unit(),
                        at, opened.closesAt(), opened.electorateSize(), opened.signaturesNeeded()));
                signatures.computeIfAbsent(opened.petition(), id -> new HashSet<>()).add(opened.opener());
            }
            case CouncilEvent.RecallPetitionSigned signed ->
                    signatures.computeIfAbsent(signed.petition(), id -> new HashSet<>()).add(signed.signer());
            case CouncilEvent.RecallPetitionSucceeded succeeded -> {
                RecallPetition.Open open = (RecallPetition.Open) petitions.get(succeeded.petition());
                petitions.put(open.id(), new RecallPetition.AwaitingVote(open.id(), open.mandate(), open.unit(),
                        open.electorateSize(), succeeded.signatures(), null));
            }
            case CouncilEvent.RecallVoteOpened opened -> {
                RecallPetition.AwaitingVote awaiting = (RecallPetition.AwaitingVote) petitions.get(opened.petition());
                petitions.put(awaiting.id(), new RecallPetition.AwaitingVote(awaiting.id(), awaiting.mandate(), awaiting.unit(),
                        awaiting.electorateSize(), awaiting.signatures(), opened.closesAt()));
            }
            case CouncilEvent.RecallVoteCast cast ->
                    votes.computeIfAbsent(cast.petition(), id -> new HashMap<>()).put(cast.voter(), cast.position());
            case CouncilEvent.RecallPetitionLapsed lapsed -> close(lapsed.petition(), false);
            case CouncilEvent.MandateRecalled recalled -> close(recalled.petition(), true);
            case CouncilEvent.RecallVoteDecided decided -> {
                if (!decided.recalled()) {
                    close(decided.petition(), false);
                }
            }
            default -> {
            }
        }
    }

    private void close(PetitionId id, boolean recalled) {
        RecallPetition petition = petitions.get(id);
        petitions.put(id, new RecallPetition.Closed(id, petition.mandate(), petition.unit(), recalled, signatureCount(id)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecallPetitions that && petitions.equals(that.petitions) && signatures.equals(that.signatures)
                && votes.equals(that.votes);
    }

    @Override
    public int hashCode() {
        return petitions.hashCode();
    }
}
