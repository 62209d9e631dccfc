package org.smolny.web.auth;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes (RFC 9106), computed by Bouncy Castle's {@link Argon2BytesGenerator}, encoded in the PHC
 * string format {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded base64), so that
 * the parameters travel with each hash and can be raised later. The default parameters are OWASP's minimum for
 * Argon2id (19 MiB, 2 passes, 1 lane). Thread-safe.
 */
public final class PasswordHasher {

    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,})\\$([A-Za-z0-9+/]{16,})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int memoryKiB;
    private final int passes;
    private final int lanes;
    private final SecureRandom random = new SecureRandom();

    /** The default parameters: 19 MiB, 2 passes, 1 lane. */
    public PasswordHasher() {
        this(19_456, 2, 1);
    }

    public PasswordHasher(int memoryKiB, int passes, int lanes) {
        if (memoryKiB < 8 * lanes || passes < 1 || lanes < 1) {
            throw new IllegalArgumentException("Argon2id needs at least 8 KiB per lane, one pass and one lane");
        }
        this.memoryKiB = memoryKiB;
        this.passes = passes;
        this.lanes = lanes;
    }

    /** The encoded hash of {@code password} under a fresh 16-byte salt. */
    public String hash(String password) {
        requirePassword(password);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKiB, passes, lanes, 32);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + passes + ",p=" + lanes + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; an encoded hash that is not Argon2id matches nothing. */
    public boolean verify(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        Matcher matcher = ENCODED.matcher(encoded);
        if (!matcher.matches()) {
            return false;
        }
        byte[] salt = DECODER.decode(matcher.group(4));
        byte[] expected = DECODER.decode(matcher.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Refuses a password too short to protect a member's account. */
    public static void requirePassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < 10) {
            throw new IllegalArgumentException("a password has at least 10 characters");
        }
    }

    private static byte[] derive(String password, byte[] salt, int memoryKiB, int passes, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
