package org.smolny.council.election;

/** Why an election is held. */
public enum ElectionKind {
    /** At the end of a term, or to fill a post for the first time. */
    REGULAR,
    /** To fill a seat left by a recall or a resignation. */
    BY_ELECTION
}
