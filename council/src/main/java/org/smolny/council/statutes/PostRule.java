package org.smolny.council.statutes;

/**
 * A post in units of one type: elective (by an electorate, for a term) or filled by appointment.
 *
 * @param name the post's name
 * @param unitType the type of unit the post belongs to
 * @param elective whether the post is filled only by election
 * @param electorate for an elective post, the electorate that elects and may recall its holders; otherwise null
 * @param termMonths for an elective post, the length of a mandate in months; otherwise 0
 * @param seats how many mandates the post has in each unit
 */
public record PostRule(String name, String unitType, boolean elective, String electorate, int termMonths, int seats) {

    public PostRule {
        Names.require(name, "post");
        Names.require(unitType, "unit type");
        if (seats < 1) {
            throw new IllegalArgumentException("a post needs at least one seat");
        }
        if (elective && (electorate == null || termMonths < 1)) {
            throw new IllegalArgumentException("an elective post needs an electorate and a term of at least one month");
        }
        if (!elective && electorate != null) {
            throw new IllegalArgumentException("an appointed post has no electorate");
        }
    }
}
