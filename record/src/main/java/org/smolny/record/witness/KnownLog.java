package org.smolny.record.witness;

import java.util.List;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.VerifierKey;

/**
 * A log that a witness follows: its origin line and the Ed25519 key(s) that sign its checkpoints.
 * Immutable.
 *
 * @param origin the checkpoint origin line (without its newline)
 * @param keys   the log's verifier keys, of type 0x01
 */
public record KnownLog(String origin, List<VerifierKey> keys) {

    public KnownLog {
        if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a log origin is one non-empty line");
        }
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("log '" + origin + "' needs at least one verifier key");
        }
        for (VerifierKey key : keys) {
            if (key.type() != KeyType.ED25519) {
                throw new IllegalArgumentException("key '" + key.name() + "' of log '" + origin
                        + "' is not an Ed25519 (0x01) log key");
            }
        }
    }

    /** Parses {@code origin=verifierKey}, splitting at the first '=' (verifier keys may end in '='). */
    public static KnownLog parse(String originEqualsKey) {
        int equals = originEqualsKey.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("a log is given as <origin>=<verifier key>, got '" + originEqualsKey + "'");
        }
        return new KnownLog(originEqualsKey.substring(0, equals),
                List.of(VerifierKey.parse(originEqualsKey.substring(equals + 1))));
    }
}
