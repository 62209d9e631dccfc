package org.smolny.ballot.simulate;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.DecryptionOutcome;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.ShareCheck;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeConfirmation;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.CeremonyTranscript;
import org.smolny.ballot.record.DecryptionRecord;
import org.smolny.ballot.tally.EncryptedTally;

/**
 * The simulated key ceremony of n honest trustees (ballot spec §6) and their decryption of a tally by the first k
 * (§8). Immutable.
 */
record Ceremony(List<TrusteeSecrets> secrets, List<TrusteeAnnouncement> announcements, List<EncryptedShare> shares,
                List<TrusteeConfirmation> confirmations, Map<Integer, GroupElement> verificationKeys,
                GroupElement jointKey) {

    static Ceremony run(ProofContext context, CeremonyParameters cp, SecureRandom random) {
        List<TrusteeSecrets> secrets = new ArrayList<>();
        List<TrusteeAnnouncement> announcements = new ArrayList<>();
        for (int i = 1; i <= cp.trustees(); i++) {
            TrusteeSecrets s = KeyCeremony.generate(context, cp, i, random);
            secrets.add(s);
            announcements.add(KeyCeremony.announce(context, s, random));
        }
        List<EncryptedShare> shares = new ArrayList<>();
        for (TrusteeSecrets s : secrets) {
            shares.addAll(KeyCeremony.shares(context, s, announcements, random));
        }
        List<TrusteeConfirmation> confirmations = new ArrayList<>();
        Map<Integer, GroupElement> verificationKeys = new HashMap<>();
        GroupElement jointKey = null;
        for (int i = 0; i < secrets.size(); i++) {
            TrusteeSecrets s = secrets.get(i);
            ShareCheck check = KeyCeremony.receive(context, cp, s, announcements,
                    shares.stream().filter(x -> x.recipient() == s.index()).toList());
            if (!(check instanceof ShareCheck.Accepted accepted)) {
                throw new IllegalStateException("honest ceremony rejected: " + check);
            }
            secrets.set(i, s.withKeyShare(accepted.keyShare()));
            confirmations.add(new TrusteeConfirmation(s.index(), accepted.jointKey(), accepted.verificationKey()));
            verificationKeys.put(s.index(), accepted.verificationKey());
            jointKey = accepted.jointKey();
        }
        return new Ceremony(List.copyOf(secrets), List.copyOf(announcements), List.copyOf(shares),
                List.copyOf(confirmations), Map.copyOf(verificationKeys), jointKey);
    }

    CeremonyTranscript transcript() {
        return new CeremonyTranscript(announcements, shares, confirmations);
    }

    /** §8: partial decryptions by the first k trustees, combined; {@code bound} is the sum of all weights. */
    DecryptionRecord decrypt(ProofContext context, CeremonyParameters cp, EncryptedTally tally, long bound,
                             SecureRandom random) {
        List<PartialDecryption> partials = new ArrayList<>();
        for (int i = 0; i < cp.threshold(); i++) {
            TrusteeSecrets s = secrets.get(i);
            partials.add(Decryption.partial(context, s.index(), s.keyShare().orElseThrow(), tally, random));
        }
        DecryptionOutcome outcome = Decryption.combine(context, cp, verificationKeys, tally, partials, bound);
        if (!(outcome instanceof DecryptionOutcome.Decrypted decrypted)) {
            throw new IllegalStateException("honest decryption failed: " + outcome);
        }
        return new DecryptionRecord(partials, decrypted.trustees(), decrypted.result().counts());
    }
}
