package org.smolny.ballot.vectors;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.group.Scalar;
import org.smolny.ballot.group.SecretScalar;

/** Fixed values for test vectors: a named secret is SHA-256("smolny test vector: " + name) mod q. */
final class Vectors {
    static final P256Group GROUP = P256Group.instance();

    private Vectors() {
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SecretScalar secret(String name) {
        BigInteger v = new BigInteger(1, sha256("smolny test vector: " + name)).mod(GROUP.order());
        return GROUP.secret(v);
    }

    static Scalar scalar(String name) {
        return GROUP.scalar(secret(name).revealValue());
    }

    static String hex(SecretScalar s) {
        return Bytes.hex(s.revealEncoding());
    }
}
