package org.smolny.council.statutes;

/** The kinds of decision whose quorum and majority the statutes set, each under {@code [decisions.<key>]}. */
public enum DecisionType {
    ORDINARY("ordinary"),
    ADMISSION("admission"),
    EXPULSION("expulsion"),
    EXPULSION_APPEAL("expulsion_appeal"),
    RECALL_VOTE("recall_vote"),
    EMERGENCY_POWERS("emergency_powers"),
    EMERGENCY_RATIFICATION("emergency_ratification"),
    PAY_ABOVE_CAP("pay_above_cap"),
    STATUTES_AMENDMENT("statutes_amendment");

    private final String key;

    DecisionType(String key) {
        this.key = key;
    }

    /** The table name used in the statutes file. */
    public String key() {
        return key;
    }

    /** The decision type named {@code key} in the statutes, or null. */
    public static DecisionType fromKey(String key) {
        for (DecisionType type : values()) {
            if (type.key.equals(key)) {
                return type;
            }
        }
        return null;
    }
}
