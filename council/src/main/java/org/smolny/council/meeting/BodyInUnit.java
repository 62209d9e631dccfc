package org.smolny.council.meeting;

import org.smolny.council.unit.UnitId;

/**
 * One body of one unit (the meeting of branch X, the congress of the organisation).
 *
 * @param body the body's name in the statutes
 * @param unit the unit
 */
public record BodyInUnit(String body, UnitId unit) {

    public BodyInUnit {
        if (body == null || unit == null) {
            throw new IllegalArgumentException("a body in a unit names both");
        }
    }
}
