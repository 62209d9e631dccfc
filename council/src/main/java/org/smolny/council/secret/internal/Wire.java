package org.smolny.council.secret.internal;

import org.smolny.ballot.decrypt.DecryptionShare;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.proof.ChaumPedersenProof;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.council.secret.SecretBallotEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts between the ballot module's values and the hex records of the secret-ballot events (ballot spec §10:
 * lowercase hex of the §2.2/§2.3 encodings). Every element read back is decoded and validated by the group (ballot
 * spec §2.2: on the curve, canonical, the identity only where the spec allows it); a bad value is an
 * {@link IllegalArgumentException} that says where. Stateless; thread-safe.
 */
public final class Wire {

    private static final Group GROUP = P256Group.instance();

    private Wire() {
    }

    public static String hex(GroupElement element) {
        return Bytes.hex(element.encode());
    }

    public static GroupElement element(String hex, String where) {
        try {
            return GROUP.decodeElement(Bytes.unhex(hex));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(where + ": " + invalid.getMessage(), invalid);
        }
    }

    private static GroupElement elementOrIdentity(String hex, String where) {
        try {
            return GROUP.decodeElementOrIdentity(Bytes.unhex(hex));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(where + ": " + invalid.getMessage(), invalid);
        }
    }

    public static List<SecretBallotEvent.Credential> credentials(List<PublicCredential> credentials) {
        return credentials.stream().map(credential -> new SecretBallotEvent.Credential(hex(credential.key()), credential.weight())).toList();
    }

    public static List<PublicCredential> credentials(List<SecretBallotEvent.Credential> credentials, String where) {
        List<PublicCredential> out = new ArrayList<>(credentials.size());
        for (int index = 0; index < credentials.size(); index++) {
            SecretBallotEvent.Credential credential = credentials.get(index);
            out.add(new PublicCredential(element(credential.key(), where + ", credential " + (index + 1)), credential.weight()));
        }
        return out;
    }

    public static List<List<SecretBallotEvent.Cipher>> tally(EncryptedTally tally) {
        return tally.totals().stream().map(row -> row.stream()
                .map(total -> new SecretBallotEvent.Cipher(hex(total.alpha()), hex(total.beta()))).toList()).toList();
    }

    public static EncryptedTally tally(List<List<SecretBallotEvent.Cipher>> tally, String where) {
        List<List<Ciphertext>> totals = new ArrayList<>();
        for (int contest = 0; contest < tally.size(); contest++) {
            List<Ciphertext> row = new ArrayList<>();
            for (int selection = 0; selection < tally.get(contest).size(); selection++) {
                SecretBallotEvent.Cipher cipher = tally.get(contest).get(selection);
                String at = where + ", contest " + (contest + 1) + ", selection " + (selection + 1);
                row.add(new Ciphertext(elementOrIdentity(cipher.alpha(), at), elementOrIdentity(cipher.beta(), at)));
            }
            totals.add(row);
        }
        return new EncryptedTally(totals);
    }

    public static SecretBallotEvent.Partial partial(PartialDecryption partial) {
        return new SecretBallotEvent.Partial(partial.trustee(), partial.shares().stream().map(row -> row.stream()
                .map(share -> new SecretBallotEvent.Share(hex(share.share()), new SecretBallotEvent.Proof(
                        hex(share.proof().commitmentG()), hex(share.proof().commitmentA()),
                        Bytes.hex(share.proof().response().encode())))).toList()).toList());
    }

    public static PartialDecryption partial(SecretBallotEvent.Partial partial, String where) {
        List<List<DecryptionShare>> shares = new ArrayList<>();
        for (int contest = 0; contest < partial.shares().size(); contest++) {
            List<DecryptionShare> row = new ArrayList<>();
            for (int selection = 0; selection < partial.shares().get(contest).size(); selection++) {
                SecretBallotEvent.Share share = partial.shares().get(contest).get(selection);
                String at = where + ", trustee " + partial.trustee() + ", contest " + (contest + 1) + ", selection " + (selection + 1);
                ChaumPedersenProof proof;
                try {
                    proof = new ChaumPedersenProof(element(share.proof().a(), at), elementOrIdentity(share.proof().b(), at),
                            GROUP.decodeScalar(Bytes.unhex(share.proof().v())));
                } catch (IllegalArgumentException invalid) {
                    throw new IllegalArgumentException(at + ": " + invalid.getMessage(), invalid);
                }
                row.add(new DecryptionShare(elementOrIdentity(share.share(), at), proof));
            }
            shares.add(row);
        }
        return new PartialDecryption(partial.trustee(), shares);
    }

    /** SHA-256 (hex) of one line {@code key:weight\n} per credential, in order: the digest announced at opening. */
    public static String digest(List<SecretBallotEvent.Credential> credentials) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (SecretBallotEvent.Credential credential : credentials) {
                sha256.update((credential.key() + ":" + credential.weight() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return Bytes.hex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("the JDK has no SHA-256", impossible);
        }
    }

    /** The verification keys Xᵢ of trustees 1..n, in order, as hex. */
    public static List<String> keys(Map<Integer, GroupElement> verificationKeys) {
        return verificationKeys.values().stream().map(Wire::hex).toList();
    }
}
