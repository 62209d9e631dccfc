package org.smolny.council.statutes;

/** How many votes in favour a decision needs. */
public enum Majority {
    /** More votes for than against; abstentions do not count. */
    SIMPLE("simple"),
    /** More votes for than half of the body's members entitled to vote (present or not). */
    ABSOLUTE("absolute"),
    /** At least two thirds of the votes cast for or against. */
    TWO_THIRDS("two-thirds");

    private final String key;

    Majority(String key) {
        this.key = key;
    }

    /** The word used in the statutes file. */
    public String key() {
        return key;
    }

    /** The majority named {@code key} in the statutes, or null. */
    public static Majority fromKey(String key) {
        for (Majority majority : values()) {
            if (majority.key.equals(key)) {
                return majority;
            }
        }
        return null;
    }
}
