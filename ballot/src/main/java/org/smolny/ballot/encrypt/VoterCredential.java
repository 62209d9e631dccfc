package org.smolny.ballot.encrypt;

import java.security.SecureRandom;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.SecretScalar;

/**
 * A voter's secret credential u (ballot spec §7.1), given to the voter only; the server holds only U = g^u.
 * Never printed. Immutable.
 */
public final class VoterCredential {
    private final SecretScalar secret;
    private final GroupElement publicKey;

    public VoterCredential(SecretScalar secret) {
        this.secret = secret;
        this.publicKey = secret.group().powerOfGenerator(secret);
    }

    public static VoterCredential generate(Group group, SecureRandom random) {
        return new VoterCredential(group.randomSecret(random));
    }

    public SecretScalar secret() {
        return secret;
    }

    public GroupElement publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "VoterCredential[public=" + publicKey + ", secret redacted]";
    }
}
