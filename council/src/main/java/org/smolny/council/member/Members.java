package org.smolny.council.member;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every membership, current and former: a projection of the {@code member.*} events. Not thread-safe. */
public final class Members {

    private final Map<MemberId, Membership> members = new HashMap<>();
    private final Map<UnitId, Set<MemberId>> activeByUnit = new HashMap<>();

    public Optional<Membership> find(MemberId member) {
        return Optional.ofNullable(members.get(member));
    }

    /** The member, if they are a current member. */
    public Optional<Membership.Active> active(MemberId member) {
        return members.get(member) instanceof Membership.Active active ? Optional.of(active) : Optional.empty();
    }

    /** The current members of {@code unit} itself (not of the units below it). */
    public Set<MemberId> activeIn(UnitId unit) {
        return Collections.unmodifiableSet(activeByUnit.getOrDefault(unit, Set.of()));
    }

    public Collection<Membership> all() {
        return Collections.unmodifiableCollection(members.values());
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.MemberAdmitted admitted -> enter(new Membership.Active(admitted.member(), admitted.unit(),
                    admitted.commitment(), at, admitted.votingFrom(), at));
            case CouncilEvent.MemberTransferred transferred -> {
                Membership.Active active = (Membership.Active) members.get(transferred.member());
                leave(active);
                enter(new Membership.Active(active.member(), transferred.unit(), active.commitment(), active.admittedAt(),
                        active.votingFrom(), at));
            }
            case CouncilEvent.MemberResigned resigned -> depart(resigned.member(), at, Membership.Departure.RESIGNED);
            case CouncilEvent.MemberLapsed lapsed -> depart(lapsed.member(), at, Membership.Departure.LAPSED);
            case CouncilEvent.MemberExpelled expelled -> depart(expelled.member(), at, Membership.Departure.EXPELLED);
            case CouncilEvent.MemberReinstated reinstated -> {
                Membership.Former former = (Membership.Former) members.get(reinstated.member());
                enter(new Membership.Active(former.member(), former.unit(), former.commitment(), former.admittedAt(),
                        former.votingFrom(), at));
            }
            default -> {
            }
        }
    }

    private void enter(Membership.Active active) {
        members.put(active.member(), active);
        activeByUnit.computeIfAbsent(active.unit(), unit -> new HashSet<>()).add(active.member());
    }

    private void leave(Membership.Active active) {
        Set<MemberId> inUnit = activeByUnit.get(active.unit());
        inUnit.remove(active.member());
        if (inUnit.isEmpty()) {
            activeByUnit.remove(active.unit());
        }
    }

    private void depart(MemberId member, Instant at, Membership.Departure departure) {
        Membership.Active active = (Membership.Active) members.get(member);
        leave(active);
        members.put(member, new Membership.Former(member, active.unit(), active.commitment(), active.admittedAt(),
                active.votingFrom(), at, departure));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Members that && members.equals(that.members) && activeByUnit.equals(that.activeByUnit);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }
}
