package org.smolny.council.expulsion;

import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;

/**
 * A disciplinary charge, at each step of due process: brought in writing, notified with a hearing date, heard,
 * decided by the member's own unit, and (after an expulsion) appealed to the congress. Each step is its own type,
 * so a step cannot be skipped.
 */
public sealed interface Charge {

    ChargeId id();

    MemberId member();

    UnitId unit();

    /** Brought in writing; the member has not yet been given notice. */
    record Brought(ChargeId id, MemberId member, UnitId unit) implements Charge {
    }

    /** The member has written notice; the hearing is set for {@code hearingAt}. */
    record Notified(ChargeId id, MemberId member, UnitId unit, Instant hearingAt) implements Charge {
    }

    /** Heard; the unit may vote. */
    record Heard(ChargeId id, MemberId member, UnitId unit) implements Charge {
    }

    /** The unit did not expel: the charge is dismissed. */
    record Dismissed(ChargeId id, MemberId member, UnitId unit) implements Charge {
    }

    /** The unit expelled the member, who may appeal to the congress until {@code appealUntil}. */
    record Expelled(ChargeId id, MemberId member, UnitId unit, Instant appealUntil) implements Charge {
    }

    /** The expelled member appealed; the congress decides. */
    record Appealed(ChargeId id, MemberId member, UnitId unit) implements Charge {
    }

    /** The congress decided the appeal. */
    record AppealDecided(ChargeId id, MemberId member, UnitId unit, boolean reinstated) implements Charge {
    }
}
