package org.smolny.council.register;

import org.smolny.council.id.Uuid7;

import java.time.Instant;
import java.util.UUID;

/** The id of a payment in the pay and benefits register: a UUIDv7. */
public record PaymentId(UUID value) {

    public PaymentId {
        Uuid7.require(value, "a payment id");
    }

    /** A fresh id, time-stamped {@code now}. */
    public static PaymentId generate(Instant now) {
        return new PaymentId(Uuid7.generate(now));
    }

    /** Parses the id's text form. */
    public static PaymentId parse(String text) {
        return new PaymentId(Uuid7.parse(text, "a payment id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
