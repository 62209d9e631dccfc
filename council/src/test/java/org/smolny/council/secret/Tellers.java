package org.smolny.council.secret;

import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.ShareCheck;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.tally.EncryptedTally;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tellers of a secret ballot as real trustees: the ballot module's key ceremony (ballot spec §6), played in full
 * for a manifest (announcements with proofs, encrypted shares, every share checked), and their partial decryptions
 * (§8.2) with their own key shares.
 */
final class Tellers {

    static final SecureRandom RANDOM = new SecureRandom();

    final ProofContext context;
    final JointKeyRecord key;
    private final List<TrusteeSecrets> secrets = new ArrayList<>();

    Tellers(Manifest manifest) {
        context = new ProofContext(org.smolny.ballot.group.P256Group.instance(), manifest.hash());
        var parameters = manifest.trustees();
        List<TrusteeSecrets> drawn = new ArrayList<>();
        List<TrusteeAnnouncement> announcements = new ArrayList<>();
        for (int index = 1; index <= parameters.trustees(); index++) {
            TrusteeSecrets trustee = KeyCeremony.generate(context, parameters, index, RANDOM);
            drawn.add(trustee);
            announcements.add(KeyCeremony.announce(context, trustee, RANDOM));
        }
        List<EncryptedShare> shares = new ArrayList<>();
        for (TrusteeSecrets trustee : drawn) {
            shares.addAll(KeyCeremony.shares(context, trustee, announcements, RANDOM));
        }
        Map<Integer, GroupElement> verificationKeys = new TreeMap<>();
        GroupElement joint = null;
        for (TrusteeSecrets trustee : drawn) {
            ShareCheck check = KeyCeremony.receive(context, parameters, trustee, announcements,
                    shares.stream().filter(share -> share.recipient() == trustee.index()).toList());
            ShareCheck.Accepted accepted = (ShareCheck.Accepted) check;
            secrets.add(trustee.withKeyShare(accepted.keyShare()));
            verificationKeys.put(trustee.index(), accepted.verificationKey());
            joint = accepted.jointKey();
        }
        key = new JointKeyRecord(joint, verificationKeys);
    }

    /** Trustee {@code index}'s partial decryption of {@code tally}, with its own key share. */
    PartialDecryption decrypt(int index, EncryptedTally tally) {
        TrusteeSecrets trustee = secrets.get(index - 1);
        return Decryption.partial(context, index, trustee.keyShare().orElseThrow(), tally, RANDOM);
    }

    /** A partial decryption claimed for trustee {@code index} but made with trustee {@code other}'s key share. */
    PartialDecryption forge(int index, int other, EncryptedTally tally) {
        PartialDecryption made = decrypt(other, tally);
        return new PartialDecryption(index, made.shares());
    }
}
