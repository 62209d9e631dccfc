package org.smolny.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.ShareCheck;
import org.smolny.ballot.keyceremony.ShareEncryption;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.proof.ManifestHash;
import org.smolny.ballot.proof.ProofContext;

class KeyCeremonyTest {
    private final SecureRandom random = new SecureRandom();
    private final ProofContext context = new ProofContext(P256Group.instance(), new ManifestHash(new byte[32]));
    private final CeremonyParameters parameters = new CeremonyParameters(3, 2);

    private record Ceremony(List<TrusteeSecrets> secrets, List<TrusteeAnnouncement> announcements,
                            List<EncryptedShare> shares) {
        List<EncryptedShare> to(int j) {
            return shares.stream().filter(s -> s.recipient() == j).toList();
        }
    }

    private Ceremony ceremony() {
        List<TrusteeSecrets> secrets = new ArrayList<>();
        List<TrusteeAnnouncement> announcements = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            TrusteeSecrets s = KeyCeremony.generate(context, parameters, i, random);
            secrets.add(s);
            announcements.add(KeyCeremony.announce(context, s, random));
        }
        List<EncryptedShare> shares = new ArrayList<>();
        secrets.forEach(s -> shares.addAll(KeyCeremony.shares(context, s, announcements, random)));
        return new Ceremony(secrets, announcements, shares);
    }

    @Test
    void every_trustee_accepts_honest_shares_and_all_compute_the_same_joint_key() {
        Ceremony c = ceremony();
        List<ShareCheck.Accepted> accepted = new ArrayList<>();
        for (TrusteeSecrets s : c.secrets()) {
            accepted.add((ShareCheck.Accepted) KeyCeremony.receive(context, parameters, s, c.announcements(),
                    c.to(s.index())));
        }
        assertThat(accepted).extracting(ShareCheck.Accepted::jointKey).containsOnly(accepted.get(0).jointKey());
        assertThat(accepted.get(1).verificationKey())
                .isEqualTo(KeyCeremony.verificationKey(context.group(), c.announcements(), 2));
        assertThat(accepted.get(0).toString()).doesNotContain(accepted.get(0).keyShare().revealValue().toString(16));
    }

    @Test
    void a_share_that_does_not_match_the_senders_commitments_is_a_complaint_against_the_sender() {
        Ceremony c = ceremony();
        List<EncryptedShare> toTwo = new ArrayList<>(c.to(2));
        EncryptedShare fromThree = toTwo.stream().filter(s -> s.sender() == 3).findFirst().orElseThrow();
        toTwo.remove(fromThree);
        // trustee 3 sends trustee 2 a well-encrypted but wrong share
        toTwo.add(ShareEncryption.encrypt(context.manifestHash(), 3, 2, c.announcements().get(1).transportKey(),
                context.group().randomSecret(random), random));
        ShareCheck check = KeyCeremony.receive(context, parameters, c.secrets().get(1), c.announcements(), toTwo);
        assertThat(check).isInstanceOfSatisfying(ShareCheck.Rejected.class, r -> assertThat(r.complaints())
                .containsExactly(new ShareCheck.Complaint(3, "the share does not match the sender's Feldman commitments")));
    }

    @Test
    void a_missing_share_a_tampered_ciphertext_and_a_bad_announcement_proof_are_each_named() {
        Ceremony c = ceremony();
        List<EncryptedShare> toOne = new ArrayList<>(c.to(1));
        EncryptedShare fromTwo = toOne.stream().filter(s -> s.sender() == 2).findFirst().orElseThrow();
        byte[] body = fromTwo.ciphertext();
        body[0] ^= 1;
        toOne.set(toOne.indexOf(fromTwo), new EncryptedShare(2, 1, fromTwo.ephemeral(), body));
        toOne.removeIf(s -> s.sender() == 3);
        ShareCheck check = KeyCeremony.receive(context, parameters, c.secrets().get(0), c.announcements(), toOne);
        assertThat(check).isInstanceOfSatisfying(ShareCheck.Rejected.class, r -> assertThat(r.complaints())
                .containsExactly(new ShareCheck.Complaint(2, "the share does not decrypt"),
                        new ShareCheck.Complaint(3, "sent no share")));

        List<TrusteeAnnouncement> forged = new ArrayList<>(c.announcements());
        TrusteeAnnouncement three = forged.get(2);
        forged.set(2, new TrusteeAnnouncement(3, three.transportKey(), three.transportProof(),
                List.of(three.commitments().get(0).multiply(context.group().generator()), three.commitments().get(1)),
                three.coefficientProofs()));
        ShareCheck forgedCheck = KeyCeremony.receive(context, parameters, c.secrets().get(0), forged, c.to(1));
        assertThat(forgedCheck).isInstanceOfSatisfying(ShareCheck.Rejected.class, r -> assertThat(r.complaints())
                .containsExactly(new ShareCheck.Complaint(3, "a Schnorr proof of the announcement fails")));
    }
}
