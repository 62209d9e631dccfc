package org.smolny.council.statutes;

/**
 * A kind of unit in the organisation's tree (branch, region, national).
 *
 * @param name the type's name
 * @param parent the type of the unit above, or null for the root
 * @param admitsMembers whether members join units of this type directly
 */
public record UnitType(String name, String parent, boolean admitsMembers) {

    public UnitType {
        Names.require(name, "unit type");
        if (parent != null) {
            Names.require(parent, "parent unit type");
        }
    }

    /** Whether this is the type of the root unit. */
    public boolean isRoot() {
        return parent == null;
    }
}
