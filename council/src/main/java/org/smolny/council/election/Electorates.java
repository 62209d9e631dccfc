package org.smolny.council.election;

import org.smolny.council.mandate.Mandate;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.Membership;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.statutes.ElectorateKind;
import org.smolny.council.statutes.ElectorateRule;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Who belongs to an electorate, as of a moment. An elector "as of" a moment is an elector now who already was one
 * then: a petition counts its electorate when it opens, so admitting members afterwards cannot dilute it.
 * Reads the state; not thread-safe.
 */
public final class Electorates {

    private final CouncilState state;

    public Electorates(CouncilState state) {
        this.state = state;
    }

    /** Whether {@code member} is a full member (past probation) of {@code unit} or a unit below it, since {@code asOf}. */
    public boolean isFullMember(UnitId unit, MemberId member, Instant asOf) {
        return state.members().active(member)
                .filter(active -> state.units().isWithin(active.unit(), unit))
                .filter(active -> active.votesAt(asOf) && !active.inUnitSince().isAfter(asOf))
                .isPresent();
    }

    /** How many full members {@code unit} and the units below it had as of {@code asOf} (and still have). */
    public int fullMembers(UnitId unit, Instant asOf) {
        int count = 0;
        for (UnitId within : state.units().subtree(unit)) {
            for (MemberId member : state.members().activeIn(within)) {
                Membership.Active active = state.members().active(member).orElseThrow();
                if (active.votesAt(asOf) && !active.inUnitSince().isAfter(asOf)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Whether {@code member} is in {@code rule}'s electorate of {@code unit} since {@code asOf}. */
    public boolean isElector(ElectorateRule rule, UnitId unit, MemberId member, Instant asOf) {
        if (rule.kind() == ElectorateKind.MEMBERS) {
            return isFullMember(unit, member, asOf);
        }
        for (Mandate.Active active : state.mandates().heldBy(member)) {
            if (active.post().equals(rule.post()) && state.units().isWithin(active.unit(), unit) && !active.startedAt().isAfter(asOf)) {
                return true;
            }
        }
        return false;
    }

    /** The size of {@code rule}'s electorate of {@code unit} as of {@code asOf}. */
    public int size(ElectorateRule rule, UnitId unit, Instant asOf) {
        return rule.kind() == ElectorateKind.MEMBERS ? fullMembers(unit, asOf) : holders(rule, unit, asOf).size();
    }

    private Set<MemberId> holders(ElectorateRule rule, UnitId unit, Instant asOf) {
        Set<MemberId> holders = new HashSet<>();
        for (Mandate.Active active : state.mandates().activeOfPost(rule.post())) {
            if (state.units().isWithin(active.unit(), unit) && !active.startedAt().isAfter(asOf)) {
                holders.add(active.holder());
            }
        }
        return holders;
    }
}
