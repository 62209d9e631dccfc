package org.smolny.council.motion;

import org.smolny.council.statutes.Majority;

/**
 * The majority a vote needs, with the votes-for it takes to pass. "Votes" are delegates in a named vote and cards
 * (the members each delegate represents) in a card vote; "all" is every vote entitled, present or not.
 */
public enum MajorityRule {
    /** More for than against; abstentions do not count. */
    SIMPLE("simple", "a simple majority (more for than against)"),
    /** More than half of all entitled, present or not. */
    ABSOLUTE("absolute", "an absolute majority (more than half of all entitled, present or not)"),
    /** Two thirds of those voting for or against. */
    TWO_THIRDS_OF_VOTING("two-thirds", "two thirds of those voting for or against"),
    /** Two thirds of all entitled, present or not. */
    TWO_THIRDS_OF_MEMBERS("two-thirds-of-members", "two thirds of all entitled, present or not");

    private final String key;
    private final String words;

    MajorityRule(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The name on the record. */
    public String key() {
        return key;
    }

    /** The rule in words, as a result states it. */
    public String words() {
        return words;
    }

    /** The rule the statutes' majority sets. */
    public static MajorityRule of(Majority majority) {
        return switch (majority) {
            case SIMPLE -> SIMPLE;
            case ABSOLUTE -> ABSOLUTE;
            case TWO_THIRDS -> TWO_THIRDS_OF_VOTING;
        };
    }

    /** The rule named {@code key} on the record. */
    public static MajorityRule fromKey(String key) {
        for (MajorityRule rule : values()) {
            if (rule.key.equals(key)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown majority '" + key + "': one of simple, absolute, two-thirds, two-thirds-of-members");
    }

    /**
     * Whether this rule asks at least as much as {@code other} in every vote: simple is the weakest, two thirds of
     * all entitled the strongest; absolute and two thirds of those voting are not comparable.
     */
    public boolean atLeastAsStrictAs(MajorityRule other) {
        if (this == other || other == SIMPLE || this == TWO_THIRDS_OF_MEMBERS) {
            return true;
        }
        return false;
    }

    /**
     * The fewest votes for that carry the question, given the votes against and all the votes entitled. For two
     * thirds of those voting, {@code for ≥ 2/3 (for + against)} is the same as {@code for ≥ 2 × against}.
     */
    public long threshold(long against, long all) {
        return switch (this) {
            case SIMPLE -> against + 1;
            case ABSOLUTE -> all / 2 + 1;
            case TWO_THIRDS_OF_VOTING -> Math.max(1, 2 * against);
            case TWO_THIRDS_OF_MEMBERS -> Math.max(1, (2 * all + 2) / 3);
        };
    }
}
