package org.smolny.council.statutes;

/**
 * A defined electorate: the people who elect, and may recall, the holders of some posts.
 *
 * @param name the electorate's name
 * @param unitType the type of unit it belongs to
 * @param kind members, or holders of a post's mandates
 * @param post for {@link ElectorateKind#MANDATE_HOLDERS}, the post whose holders vote; otherwise null
 */
public record ElectorateRule(String name, String unitType, ElectorateKind kind, String post) {

    public ElectorateRule {
        Names.require(name, "electorate");
        Names.require(unitType, "unit type");
        if (kind == null) {
            throw new IllegalArgumentException("an electorate needs a kind");
        }
        if ((kind == ElectorateKind.MANDATE_HOLDERS) != (post != null)) {
            throw new IllegalArgumentException("an electorate of mandate holders names exactly one post; an electorate of members names none");
        }
    }
}
