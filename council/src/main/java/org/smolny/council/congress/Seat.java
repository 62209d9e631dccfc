package org.smolny.council.congress;

import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

/**
 * A seat at a congress: an accredited delegate's mandate, who occupies it (the delegate, or an alternate in their
 * absence) and whether the occupant is present. Immutable.
 *
 * @param mandate the delegate's mandate (the seat's identity)
 * @param delegate the delegate
 * @param electedIn the unit whose electors gave the mandate
 * @param cards the members the delegate represents (their weight in a card vote)
 * @param alternate the alternate sitting in the delegate's place, or null
 * @param alternateMandate the alternate's mandate, or null
 * @param present whether the occupant is in the hall
 */
public record Seat(MandateId mandate, MemberId delegate, UnitId electedIn, long cards, MemberId alternate,
                   MandateId alternateMandate, boolean present) {

    public Seat {
        if (mandate == null || delegate == null || electedIn == null || cards < 0) {
            throw new IllegalArgumentException("a seat has a mandate, a delegate, the unit that elected them and cards from 0");
        }
        if ((alternate == null) != (alternateMandate == null)) {
            throw new IllegalArgumentException("an alternate sits by their own mandate");
        }
    }

    /** Who sits in the seat now: the alternate when one took it, else the delegate. */
    public MemberId occupant() {
        return alternate != null ? alternate : delegate;
    }

    Seat withPresence(boolean isPresent) {
        return new Seat(mandate, delegate, electedIn, cards, alternate, alternateMandate, isPresent);
    }

    Seat withAlternate(MemberId member, MandateId memberMandate) {
        return new Seat(mandate, delegate, electedIn, cards, member, memberMandate, true);
    }

    Seat delegateReturned() {
        return new Seat(mandate, delegate, electedIn, cards, null, null, true);
    }
}
