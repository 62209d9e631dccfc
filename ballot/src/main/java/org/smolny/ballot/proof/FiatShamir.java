package org.smolny.ballot.proof;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.smolny.ballot.group.Scalar;

/**
 * The one Fiat–Shamir helper of the ballot protocol (ballot spec §3 eq 2). It hashes, in this order, the domain
 * string, the protocol label, the group name, the manifest hash, the whole statement and the commitments, and
 * reduces the SHA-512 digest modulo q. Stateless and thread-safe.
 */
public final class FiatShamir {
    private static final byte[] DOMAIN = "smolny-ballot-fiat-shamir-v1".getBytes(StandardCharsets.US_ASCII);

    private FiatShamir() {
    }

    public static Scalar challenge(ProofLabel label, ProofContext context, Transcript statement, Transcript commitments) {
        if (statement.count() == 0 || commitments.count() == 0) {
            throw new IllegalArgumentException("a Fiat–Shamir challenge needs a statement and commitments");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        field(out, DOMAIN);
        field(out, label.bytes());
        field(out, context.group().name().getBytes(StandardCharsets.US_ASCII));
        field(out, context.manifestHash().bytes());
        field(out, statement.toBytes());
        field(out, commitments.toBytes());
        byte[] digest = sha512(out.toByteArray());
        return context.group().scalar(new BigInteger(1, digest).mod(context.group().order()));
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        Transcript.writeLength(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static byte[] sha512(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-512", e);
        }
    }
}
