package org.smolny.council.statutes;

/** Who forms an electorate. */
public enum ElectorateKind {
    /** The members of the unit and of the units below it who have finished probation. */
    MEMBERS("members"),
    /** The current holders of one post's mandates in the unit and the units below it (delegates). */
    MANDATE_HOLDERS("mandate-holders");

    private final String key;

    ElectorateKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The kind named {@code key} in the statutes, or null. */
    public static ElectorateKind fromKey(String key) {
        for (ElectorateKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        return null;
    }
}
