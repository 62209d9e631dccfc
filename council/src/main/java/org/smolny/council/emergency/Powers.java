package org.smolny.council.emergency;

import org.smolny.council.mandate.MandateId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;

/** A grant of emergency powers: in force until its expiry, or expired. */
public sealed interface Powers {

    PowersId id();

    UnitId unit();

    String body();

    MandateId holder();

    /** In force until {@code expiresAt}; {@code ratified} once the congress ratified them. */
    record InForce(PowersId id, UnitId unit, String body, MandateId holder, String scope, Instant grantedAt,
                   Instant expiresAt, boolean ratified) implements Powers {
    }

    /** Expired at {@code expiredAt}. */
    record Expired(PowersId id, UnitId unit, String body, MandateId holder, Instant expiredAt, boolean ratified)
            implements Powers {
    }
}
