package org.smolny.council.unit;

import java.time.Instant;

/**
 * A unit of the organisation (a branch, a region, the national union).
 *
 * @param id the unit's id
 * @param type its unit type in the statutes
 * @param parent the unit above, or null for the root
 * @param name its name
 * @param foundedAt when it was founded
 */
public record Unit(UnitId id, String type, UnitId parent, String name, Instant foundedAt) {

    public Unit {
        if (id == null || type == null || name == null || foundedAt == null) {
            throw new IllegalArgumentException("a unit has an id, a type, a name and a founding date");
        }
    }
}
