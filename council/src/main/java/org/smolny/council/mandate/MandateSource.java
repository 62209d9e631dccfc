package org.smolny.council.mandate;

/** How a mandate was conferred. */
public enum MandateSource {
    /** By an election of the post's electorate. */
    ELECTED,
    /** By appointment, allowed only to posts the statutes do not make elective. */
    APPOINTED
}
