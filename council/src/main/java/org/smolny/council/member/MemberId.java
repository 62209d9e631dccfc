package org.smolny.council.member;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a member: pseudonymous, never derived from personal data: a UUIDv7. */
public record MemberId(UUID value) {

    public MemberId {
        Uuid7.require(value, "a member id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static MemberId generate(Instant now) {
        return new MemberId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static MemberId parse(String text) {
        return new MemberId(Uuid7.parse(text, "a member id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
