package org.smolny.council.congress;

/** What a minority publishes beside the majority's motions (drill D8). */
public enum PlatformKind {
    /** A platform: a tendency's statement of its politics. */
    PLATFORM,
    /** A counter-motion: the minority's answer to one motion, shown beside it. */
    COUNTER_MOTION
}
