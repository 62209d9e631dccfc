package org.smolny.ballot.keyceremony;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.ProofLabel;
import org.smolny.ballot.proof.SchnorrProof;

/**
 * The steps of the k-of-n key ceremony (ballot spec §6), each run by one trustee on its own machine, and the public
 * computations anyone can repeat (joint key, verification keys). Stateless.
 */
public final class KeyCeremony {
    private KeyCeremony() {
    }

    /** §6.1: trustee i draws its polynomial and transport key. */
    public static TrusteeSecrets generate(ProofContext context, CeremonyParameters parameters, int index,
                                          SecureRandom random) {
        parameters.checkIndex(index);
        Group group = context.group();
        List<SecretScalar> coefficients = new ArrayList<>();
        for (int l = 0; l < parameters.threshold(); l++) {
            coefficients.add(group.randomSecret(random));
        }
        return new TrusteeSecrets(index, coefficients, group.randomSecret(random), Optional.empty());
    }

    /** §6.2: the announcement with Feldman commitments and Schnorr proofs. */
    public static TrusteeAnnouncement announce(ProofContext context, TrusteeSecrets secrets, SecureRandom random) {
        Group group = context.group();
        GroupElement transportKey = group.powerOfGenerator(secrets.transportSecret());
        SchnorrProof transportProof = SchnorrProof.prove(ProofLabel.TRANSPORT_KEY, context, transportKey,
                secrets.transportSecret(), TrusteeAnnouncement.transportStatement(secrets.index()), random);
        List<GroupElement> commitments = new ArrayList<>();
        List<SchnorrProof> proofs = new ArrayList<>();
        for (int l = 0; l < secrets.coefficients().size(); l++) {
            SecretScalar a = secrets.coefficients().get(l);
            GroupElement c = group.powerOfGenerator(a); // eq 27: C_i,l = g^a_i,l
            commitments.add(c);
            proofs.add(SchnorrProof.prove(ProofLabel.COEFFICIENT, context, c, a,
                    TrusteeAnnouncement.coefficientStatement(secrets.index(), l), random));
        }
        return new TrusteeAnnouncement(secrets.index(), transportKey, transportProof, commitments, proofs);
    }

    /** §6.3: the shares Pᵢ(j) for every other trustee j, each encrypted to j's transport key. */
    public static List<EncryptedShare> shares(ProofContext context, TrusteeSecrets secrets,
                                              List<TrusteeAnnouncement> announcements, SecureRandom random) {
        List<EncryptedShare> out = new ArrayList<>();
        for (TrusteeAnnouncement other : announcements) {
            if (other.index() == secrets.index()) {
                continue;
            }
            SecretScalar share = evaluate(context.group(), secrets.coefficients(), other.index());
            out.add(ShareEncryption.encrypt(context.manifestHash(), secrets.index(), other.index(),
                    other.transportKey(), share, random));
        }
        return out;
    }

    /**
     * §6.4: trustee j checks every announcement's proofs, decrypts every share sent to it, checks it against the
     * sender's commitments (eq 33), and sums them into its key share xⱼ = Σᵢ Pᵢ(j).
     */
    public static ShareCheck receive(ProofContext context, CeremonyParameters parameters, TrusteeSecrets secrets,
                                     List<TrusteeAnnouncement> announcements, List<EncryptedShare> sharesToMe) {
        Group group = context.group();
        List<ShareCheck.Complaint> complaints = new ArrayList<>();
        Map<Integer, TrusteeAnnouncement> byIndex = new TreeMap<>();
        for (TrusteeAnnouncement a : announcements) {
            if (a.index() < 1 || a.index() > parameters.trustees() || byIndex.put(a.index(), a) != null) {
                complaints.add(new ShareCheck.Complaint(a.index(), "duplicate or out-of-range trustee index"));
            } else if (a.commitments().size() != parameters.threshold()) {
                complaints.add(new ShareCheck.Complaint(a.index(), "announces " + a.commitments().size()
                        + " commitments, the threshold needs " + parameters.threshold()));
            } else if (!a.proofsHold(context)) {
                complaints.add(new ShareCheck.Complaint(a.index(), "a Schnorr proof of the announcement fails"));
            }
        }
        if (byIndex.size() != parameters.trustees()) {
            complaints.add(new ShareCheck.Complaint(0, "expected " + parameters.trustees() + " announcements, got "
                    + byIndex.size()));
        }
        if (!complaints.isEmpty()) {
            return new ShareCheck.Rejected(complaints);
        }
        int me = secrets.index();
        GroupElement myTransportKey = group.powerOfGenerator(secrets.transportSecret());
        SecretScalar sum = evaluate(group, secrets.coefficients(), me);
        Map<Integer, EncryptedShare> received = new TreeMap<>();
        for (EncryptedShare s : sharesToMe) {
            if (s.recipient() == me && received.put(s.sender(), s) != null) {
                complaints.add(new ShareCheck.Complaint(s.sender(), "sent two shares"));
            }
        }
        for (TrusteeAnnouncement sender : byIndex.values()) {
            if (sender.index() == me) {
                continue;
            }
            EncryptedShare encrypted = received.get(sender.index());
            if (encrypted == null) {
                complaints.add(new ShareCheck.Complaint(sender.index(), "sent no share"));
                continue;
            }
            Optional<SecretScalar> share = ShareEncryption.decrypt(context.manifestHash(), encrypted, myTransportKey,
                    secrets.transportSecret());
            if (share.isEmpty()) {
                complaints.add(new ShareCheck.Complaint(sender.index(), "the share does not decrypt"));
                continue;
            }
            if (!group.powerOfGenerator(share.get()).equals(feldmanImage(group, sender.commitments(), me))) {
                complaints.add(new ShareCheck.Complaint(sender.index(),
                        "the share does not match the sender's Feldman commitments"));
                continue;
            }
            sum = sum.add(share.get());
        }
        if (!complaints.isEmpty()) {
            return new ShareCheck.Rejected(complaints);
        }
        GroupElement verificationKey = group.powerOfGenerator(sum);
        GroupElement expected = verificationKey(group, announcements, me);
        if (!verificationKey.equals(expected)) {
            return new ShareCheck.Rejected(List.of(new ShareCheck.Complaint(0,
                    "the key share does not match the published commitments")));
        }
        return new ShareCheck.Accepted(sum, verificationKey, jointKey(group, announcements));
    }

    /** §6.5 eq 34: K = Πᵢ Cᵢ,₀. */
    public static GroupElement jointKey(Group group, List<TrusteeAnnouncement> announcements) {
        GroupElement k = group.identity();
        for (TrusteeAnnouncement a : announcements) {
            k = k.multiply(a.commitments().get(0));
        }
        return k;
    }

    /** §6.5 eq 35: Xⱼ = Πᵢ Πₗ Cᵢ,ₗ^(jˡ), the public image of trustee j's key share. */
    public static GroupElement verificationKey(Group group, List<TrusteeAnnouncement> announcements, int j) {
        GroupElement x = group.identity();
        for (TrusteeAnnouncement a : announcements) {
            x = x.multiply(feldmanImage(group, a.commitments(), j));
        }
        return x;
    }

    /** §6.4 eq 33: Πₗ Cₗ^(jˡ) = g^P(j). */
    static GroupElement feldmanImage(Group group, List<GroupElement> commitments, int j) {
        List<Scalar> powers = new ArrayList<>();
        BigInteger jl = BigInteger.ONE;
        for (int l = 0; l < commitments.size(); l++) {
            powers.add(group.scalar(jl.mod(group.order())));
            jl = jl.multiply(BigInteger.valueOf(j));
        }
        return group.product(commitments, powers);
    }

    /** P(x) = Σₗ aₗ·xˡ mod q (§6.1 eq 26). */
    static SecretScalar evaluate(Group group, List<SecretScalar> coefficients, int x) {
        BigInteger q = group.order();
        BigInteger acc = BigInteger.ZERO;
        for (int l = coefficients.size() - 1; l >= 0; l--) {
            acc = acc.multiply(BigInteger.valueOf(x)).add(coefficients.get(l).revealValue()).mod(q);
        }
        if (acc.signum() == 0) {
            throw new IllegalStateException("a share evaluated to zero (probability 2^-256): draw a new polynomial");
        }
        return group.secret(acc);
    }
}
