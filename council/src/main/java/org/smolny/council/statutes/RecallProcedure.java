package org.smolny.council.statutes;

/** What happens when a recall petition reaches the statutory threshold. */
public enum RecallProcedure {
    /** The mandate ends at once and a by-election is scheduled. */
    MANDATE_ENDS("mandate-ends"),
    /** A recall vote of the electorate opens; if carried, the mandate ends and a by-election is scheduled. */
    RECALL_VOTE("recall-vote");

    private final String key;

    RecallProcedure(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The procedure named {@code key} in the statutes, or null. */
    public static RecallProcedure fromKey(String key) {
        for (RecallProcedure procedure : values()) {
            if (procedure.key.equals(key)) {
                return procedure;
            }
        }
        return null;
    }
}
