package org.smolny.council.meeting;

import java.time.Instant;

/** A members' petition to convene a body: open, or successful (the body is convened). */
public sealed interface ConveningPetition {

    ConveningId id();

    BodyInUnit body();

    /** Open for signatures. */
    record Open(ConveningId id, BodyInUnit body, Instant openedAt, int electorateSize, int signaturesNeeded)
            implements ConveningPetition {
    }

    /** Reached the threshold: the body was convened. */
    record Convened(ConveningId id, BodyInUnit body, Instant meetBy) implements ConveningPetition {
    }
}
