package org.smolny.council.initiative;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.meeting.BodyInUnit;
import org.smolny.council.member.MemberId;

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

/** Every member initiative and its supporters: a projection of the {@code initiative.*} events. Not thread-safe. */
public final class Initiatives {

    private final Map<InitiativeId, Initiative> initiatives = new HashMap<>();
    private final Map<InitiativeId, Set<MemberId>> supporters = new HashMap<>();

    public Optional<Initiative> find(InitiativeId id) {
        return Optional.ofNullable(initiatives.get(id));
    }

    public Collection<Initiative> all() {
        return Collections.unmodifiableCollection(initiatives.values());
    }

    /** The motions members have put on {@code body}'s agenda. */
    public List<Initiative.Tabled> agenda(BodyInUnit body) {
        List<Initiative.Tabled> agenda = new ArrayList<>();
        for (Initiative initiative : initiatives.values()) {
            if (initiative instanceof Initiative.Tabled tabled && tabled.body().equals(body)) {
                agenda.add(tabled);
            }
        }
        return agenda;
    }

    public boolean hasSupported(InitiativeId initiative, MemberId member) {
        return supporters.getOrDefault(initiative, Set.of()).contains(member);
    }

    public int supportCount(InitiativeId initiative) {
        return supporters.getOrDefault(initiative, Set.of()).size();
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.InitiativeOpened opened -> {
                initiatives.put(opened.initiative(), new Initiative.Open(opened.initiative(),
                        new BodyInUnit(opened.body(), opened.unit()), opened.motion(), opened.title(), at, opened.closesAt(),
                        opened.electorateSize(), opened.supportNeeded()));
                supporters.computeIfAbsent(opened.initiative(), id -> new HashSet<>()).add(opened.opener());
            }
            case CouncilEvent.InitiativeSupported supported ->
                    supporters.computeIfAbsent(supported.initiative(), id -> new HashSet<>()).add(supported.supporter());
            case CouncilEvent.InitiativeTabled tabled -> {
                Initiative.Open open = (Initiative.Open) initiatives.get(tabled.initiative());
                initiatives.put(open.id(), new Initiative.Tabled(open.id(), open.body(), open.motion(), open.title(), tabled.supporters()));
            }
            case CouncilEvent.InitiativeLapsed lapsed -> {
                Initiative.Open open = (Initiative.Open) initiatives.get(lapsed.initiative());
                initiatives.put(open.id(), new Initiative.Lapsed(open.id(), open.body(), open.motion(), open.title(), lapsed.supporters()));
            }
            default -> {
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Initiatives that && initiatives.equals(that.initiatives) && supporters.equals(that.supporters);
    }

    @Override
    public int hashCode() {
        return initiatives.hashCode();
    }
}
