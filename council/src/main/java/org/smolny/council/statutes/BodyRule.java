package org.smolny.council.statutes;

/**
 * A body that meets (a branch meeting, a regional council, the executive, the congress).
 *
 * @param name the body's name
 * @param unitType the type of unit whose body it is
 * @param meetsEveryDays the longest allowed interval between two meetings
 * @param conveningThreshold share of the unit's members whose petition convenes a meeting without the leadership
 * @param conveneWithinDays days within which a meeting convened by petition must take place
 * @param sovereign whether this is the congress, the sovereign body of the organisation
 */
public record BodyRule(String name, String unitType, int meetsEveryDays, Share conveningThreshold, int conveneWithinDays,
                       boolean sovereign) {

    public BodyRule {
        Names.require(name, "body");
        Names.require(unitType, "unit type");
        if (meetsEveryDays < 1 || conveneWithinDays < 1 || conveningThreshold == null) {
            throw new IllegalArgumentException("a body needs a meeting interval, a convening threshold and a convening period");
        }
    }
}
