package org.smolny.council.id;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then 74 random bits from {@link SecureRandom}.
 * Ids are time-ordered and never derived from personal data. Thread-safe.
 */
public final class Uuid7 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuid7() {
    }

    /** A fresh UUIDv7 whose timestamp is {@code now}. */
    public static UUID generate(Instant now) {
        long millis = now.toEpochMilli();
        if (millis < 0 || millis >= (1L << 48)) {
            throw new IllegalArgumentException("a UUIDv7 timestamp must fit 48 bits of Unix milliseconds: " + now);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4 | (random[1] & 0xF0L) >>> 4) & 0xFFFL;
        long most = millis << 16 | 0x7000L | randA;
        long least = 0x8000000000000000L;
        for (int index = 2; index < 10; index++) {
            least |= (random[index] & 0xFFL) << (8 * (9 - index));
        }
        least = (least & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** Parses {@code text} as a UUIDv7 with the RFC 9562 variant, naming {@code what} in the error. */
    public static UUID parse(String text, String what) {
        UUID uuid;
        try {
            uuid = UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException notUuid) {
            throw new IllegalArgumentException(what + " must be a UUID, got '" + text + "'");
        }
        require(uuid, what);
        return uuid;
    }

    /** Checks that {@code uuid} is a version-7 UUID, naming {@code what} in the error. */
    public static UUID require(UUID uuid, String what) {
        if (uuid == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (uuid.version() != 7 || uuid.variant() != 2) {
            throw new IllegalArgumentException(what + " must be a UUIDv7, got " + uuid);
        }
        return uuid;
    }
}
