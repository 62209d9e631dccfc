package org.smolny.ballot.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The NIST P-256 curve (secp256r1) through Bouncy Castle's custom curve implementation (ballot spec §2.1).
 * There is one instance, {@link #instance()}. Immutable and thread-safe.
 */
public final class P256Group implements Group {
    private static final P256Group INSTANCE = new P256Group();
    private static final int FIELD_BYTES = 32;

    private final ECCurve curve;
    private final ECPoint basePoint;
    private final BigInteger order;
    private final BigInteger fieldPrime;
    private final P256Element generator;
    private final P256Element identity;
    private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

    private P256Group() {
        X9ECParameters params = CustomNamedCurves.getByName("secp256r1");
        this.curve = params.getCurve();
        this.basePoint = params.getG().normalize();
        this.order = params.getN();
        this.fieldPrime = curve.getField().getCharacteristic();
        this.generator = new P256Element(this, basePoint);
        this.identity = new P256Element(this, curve.getInfinity());
    }

    public static P256Group instance() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "P-256";
    }

    @Override
    public BigInteger order() {
        return order;
    }

    @Override
    public GroupElement generator() {
        return generator;
    }

    @Override
    public GroupElement identity() {
        return identity;
    }

    @Override
    public int elementLength() {
        return 1 + 2 * FIELD_BYTES;
    }

    @Override
    public int scalarLength() {
        return FIELD_BYTES;
    }

    // ballot spec §2.2: 0x04 || X || Y, 65 bytes; the identity only where allowed, as the single byte 0x00
    @Override
    public GroupElement decodeElement(byte[] encoding) {
        Objects.requireNonNull(encoding, "encoding");
        if (encoding.length != elementLength()) {
            throw new InvalidEncodingException("a P-256 element is " + elementLength() + " bytes (0x04||X||Y), got "
                    + encoding.length);
        }
        if (encoding[0] != 0x04) {
            throw new InvalidEncodingException("a P-256 element must start with 0x04 (uncompressed), got 0x"
                    + String.format("%02x", encoding[0] & 0xff));
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(encoding, 1, 1 + FIELD_BYTES));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(encoding, 1 + FIELD_BYTES, elementLength()));
        if (x.compareTo(fieldPrime) >= 0 || y.compareTo(fieldPrime) >= 0) {
            throw new InvalidEncodingException("a P-256 coordinate is not below the field prime p");
        }
        ECPoint point;
        try {
            point = curve.validatePoint(x, y);
        } catch (IllegalArgumentException e) {
            throw new InvalidEncodingException("the point is not on the P-256 curve");
        }
        // cofactor 1: every point on the curve other than infinity is in the group of order q
        return new P256Element(this, point);
    }

    @Override
    public GroupElement decodeElementOrIdentity(byte[] encoding) {
        if (encoding != null && encoding.length == 1 && encoding[0] == 0) {
            return identity;
        }
        return decodeElement(encoding);
    }

    @Override
    public Scalar scalar(BigInteger value) {
        return new Scalar(this, value);
    }

    // ballot spec §2.3
    @Override
    public Scalar decodeScalar(byte[] encoding) {
        if (encoding == null || encoding.length != FIELD_BYTES) {
            throw new InvalidEncodingException("a scalar is " + FIELD_BYTES + " bytes, got "
                    + (encoding == null ? "none" : encoding.length));
        }
        BigInteger v = new BigInteger(1, encoding);
        if (v.compareTo(order) >= 0) {
            throw new InvalidEncodingException("a scalar is not below the group order q");
        }
        return new Scalar(this, v);
    }

    // ballot spec §2.4: rejection sampling of 256-bit strings until 1 ≤ v < q
    @Override
    public SecretScalar randomSecret(SecureRandom random) {
        byte[] buffer = new byte[FIELD_BYTES];
        while (true) {
            random.nextBytes(buffer);
            BigInteger v = new BigInteger(1, buffer);
            if (v.signum() > 0 && v.compareTo(order) < 0) {
                java.util.Arrays.fill(buffer, (byte) 0);
                return new SecretScalar(this, v);
            }
        }
    }

    @Override
    public SecretScalar secret(BigInteger value) {
        return new SecretScalar(this, value);
    }

    @Override
    public GroupElement powerOfGenerator(Scalar k) {
        check(k.group());
        return new P256Element(this, baseMultiplier.multiply(basePoint, k.value()));
    }

    // ballot spec §2.5: Bouncy Castle's fixed-point comb (its multiplier for ECDSA signing nonces)
    @Override
    public GroupElement powerOfGenerator(SecretScalar k) {
        check(k.group());
        return new P256Element(this, baseMultiplier.multiply(basePoint, k.revealValue()));
    }

    @Override
    public GroupElement multiPower(List<GroupElement> bases, List<BigInteger> exponents, int threads) {
        if (bases.size() != exponents.size()) {
            throw new IllegalArgumentException("bases and exponents differ in number");
        }
        List<ECPoint> points = new ArrayList<>(bases.size());
        for (GroupElement base : bases) {
            points.add(point(base));
        }
        return new P256Element(this, Pippenger.multiPower(curve, points, exponents, threads));
    }

    @Override
    public GroupElement product(List<GroupElement> bases, List<Scalar> exponents) {
        if (bases.size() != exponents.size()) {
            throw new IllegalArgumentException("bases and exponents differ in number");
        }
        ECPoint[] points = new ECPoint[bases.size()];
        BigInteger[] k = new BigInteger[bases.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = point(bases.get(i));
            check(exponents.get(i).group());
            k[i] = exponents.get(i).value();
        }
        return new P256Element(this, ECAlgorithms.sumOfMultiplies(points, k));
    }

    ECPoint point(GroupElement element) {
        if (!(element instanceof P256Element e) || e.group() != this) {
            throw new IllegalArgumentException("not an element of P-256");
        }
        return e.point();
    }

    ECPoint multiplySecret(ECPoint point, BigInteger k) {
        // ballot spec §2.5: ECConstantTimeMultiplier (fixed signed window, constant-time table lookup)
        return ECAlgorithms.multiplySecret(point, k);
    }

    ECCurve curve() {
        return curve;
    }

    private void check(Group other) {
        if (other != this) {
            throw new IllegalArgumentException("scalar of another group: " + other.name());
        }
    }

    @Override
    public String toString() {
        return "P-256";
    }
}
