package org.smolny.council.secret;

import org.smolny.council.congress.AmendmentId;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every event of secret ballots held by the council (a secret congress vote, a secret election of a mandate), one
 * record per type, listed with their type names in {@link #TYPES} (registered in the council's {@code EventTypes}
 * through the same extension point as the congress events). Each record checks its own shape; the cryptographic
 * values are written as in the ballot module's election record (ballot spec §10: lowercase hex of the §2.2/§2.3
 * encodings), so the entries of a secret ballot can be checked with the ballot module alone.
 *
 * <p>The encrypted ballots themselves are not council events: they are the {@code ballot.cast} and
 * {@code ballot.challenged} entries of the same record, written by the ballot box, whose {@code body.election} is
 * the secret ballot's id ({@link #ballot()}).
 */
public sealed interface SecretBallotEvent extends CouncilEvent.OfCongress {

    /** A secret ballot's id: the election id of its ballot box ({@code /ballot/{id}}) and of its manifest. */
    Pattern BALLOT_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    /** The most public credentials in one {@code secret-credentials.published} entry (each entry stays under 64 KiB). */
    int CREDENTIALS_PER_PART = 250;

    /** The secret ballot the event belongs to. */
    String ballot();

    /** The type name of every secret-ballot event, in the order listed. */
    Map<String, Class<? extends SecretBallotEvent>> TYPES = types();

    private static Map<String, Class<? extends SecretBallotEvent>> types() {
        Map<String, Class<? extends SecretBallotEvent>> types = new LinkedHashMap<>();
        types.put("secret-vote.opened", SecretVoteOpened.class);
        types.put("secret-election.opened", SecretElectionOpened.class);
        types.put("secret-credentials.published", CredentialsPublished.class);
        types.put("secret-ballot.closed", BallotClosed.class);
        types.put("secret-ballot.decrypted", BallotDecrypted.class);
        return Collections.unmodifiableMap(types);
    }

    static void checkBallotId(String ballot) {
        if (ballot == null || !BALLOT_ID.matcher(ballot).matches()) {
            throw new IllegalArgumentException("a secret ballot's id is 1 to 64 of a-z, 0-9 and '-' (not at either end), got '"
                    + ballot + "'");
        }
    }

    private static void need(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    private static void hex(String value, int bytes, String what) {
        if (value == null || value.length() != 2 * bytes || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException(what + " must be " + bytes + " bytes in lowercase hex");
        }
    }

    /** An element of the group (ballot spec §2.2): 65 bytes, or the identity {@code 00} where the spec allows it. */
    private static void element(String value, boolean identityAllowed, String what) {
        if (identityAllowed && "00".equals(value)) {
            return;
        }
        hex(value, 65, what);
    }

    // ---- values in the ballot module's record format (ballot spec §10) ----

    /** A public credential U with its weight (ballot spec §10.3). */
    record Credential(String key, long weight) {
        public Credential {
            element(key, false, "a public credential");
            if (weight < 1 || weight > 1_000_000_000L) {
                throw new IllegalArgumentException("a credential's weight is 1 to 10^9, got " + weight);
            }
        }
    }

    /** An ElGamal ciphertext (A, B) of the encrypted tally (ballot spec §10.5; the identity {@code 00} allowed). */
    record Cipher(String alpha, String beta) {
        public Cipher {
            element(alpha, true, "a tally ciphertext's alpha");
            element(beta, true, "a tally ciphertext's beta");
        }
    }

    /** A Chaum–Pedersen proof (a, b, v) (ballot spec §10.1). */
    record Proof(String a, String b, String v) {
        public Proof {
            element(a, false, "a decryption proof's commitment a");
            element(b, true, "a decryption proof's commitment b");
            hex(v, 32, "a decryption proof's response v");
        }
    }

    /** A trustee's decryption share Mᵢ of one tally ciphertext, with its proof (ballot spec §8.2, §10.5). */
    record Share(String share, Proof proof) {
        public Share {
            element(share, true, "a decryption share");
            need(proof, "the share's proof");
        }
    }

    /** Trustee {@code trustee}'s partial decryption of the tally, by contest and selection (ballot spec §10.5). */
    record Partial(int trustee, List<List<Share>> shares) {
        public Partial {
            if (trustee < 1 || trustee > 255) {
                throw new IllegalArgumentException("trustees are numbered 1 to 255, got " + trustee);
            }
            shares = shares.stream().map(List::copyOf).toList();
        }
    }

    /**
     * What a secret ballot is set up with when it opens, fixed on the record before any ballot is cast: the manifest
     * (its canonical JSON, ballot spec §1) and its hash, the tellers who hold the key (trustee i is
     * {@code tellers[i-1]}), the joint key K and each trustee's verification key Xᵢ (ballot spec §6.5), and the
     * credential list (ballot spec §7.1), announced by its size, total weight and digest and published in
     * {@code parts} entries of {@code secret-credentials.published}.
     *
     * @param credentialsDigest SHA-256 (hex) of one line {@code key:weight\n} per credential, in the order published
     */
    record Setup(String manifest, String manifestHash, List<MemberId> tellers, String jointKey, List<String> verificationKeys,
                 int credentials, long totalWeight, int parts, String credentialsDigest) {
        public Setup {
            if (manifest == null || manifest.isBlank() || manifest.length() > 20_000) {
                throw new IllegalArgumentException("the manifest is missing or longer than 20,000 characters");
            }
            hex(manifestHash, 32, "the manifest hash");
            tellers = List.copyOf(tellers);
            if (tellers.isEmpty() || new HashSet<>(tellers).size() != tellers.size()) {
                throw new IllegalArgumentException("a secret ballot has one or more tellers, each named once");
            }
            element(jointKey, false, "the joint key");
            verificationKeys = List.copyOf(verificationKeys);
            if (verificationKeys.size() != tellers.size()) {
                throw new IllegalArgumentException("one verification key per teller: " + tellers.size() + " tellers, "
                        + verificationKeys.size() + " keys");
            }
            verificationKeys.forEach(key -> element(key, false, "a teller's verification key"));
            if (credentials < 1 || parts < 1 || parts > credentials || totalWeight < credentials) {
                throw new IllegalArgumentException("a secret ballot has at least one credential, published in one part or more");
            }
            hex(credentialsDigest, 32, "the credentials digest");
        }
    }

    // ---- events ----

    /**
     * A question of a congress (a motion, or an amendment to it) was put to a secret vote: one credential per seat,
     * weighing one vote ({@code weighting} {@code named}) or the seat's cards ({@code card}). The congress's own
     * {@code vote.opened} entry comes just before it.
     */
    record SecretVoteOpened(String ballot, CongressId congress, UnitId unit, MotionId motion, AmendmentId amendment,
                            VoteMode weighting, Setup setup) implements SecretBallotEvent {
        public SecretVoteOpened {
            checkBallotId(ballot);
            need(congress, "the congress");
            need(unit, "the unit");
            need(motion, "the motion");
            need(weighting, "how the votes weigh");
            need(setup, "the ballot's setup");
        }
    }

    /** A scheduled election of a mandate is held by secret ballot: one credential per elector of its electorate. */
    record SecretElectionOpened(String ballot, ElectionId election, UnitId unit, Setup setup) implements SecretBallotEvent {
        public SecretElectionOpened {
            checkBallotId(ballot);
            need(election, "the election");
            need(unit, "the unit");
            need(setup, "the ballot's setup");
        }
    }

    /** Part {@code part} (from 1) of a secret ballot's public credential list, in the order of the list. */
    record CredentialsPublished(String ballot, UnitId unit, int part, List<Credential> credentials) implements SecretBallotEvent {
        public CredentialsPublished {
            checkBallotId(ballot);
            need(unit, "the unit");
            credentials = List.copyOf(credentials);
            if (part < 1 || credentials.isEmpty() || credentials.size() > CREDENTIALS_PER_PART) {
                throw new IllegalArgumentException("a part of the credentials is numbered from 1 and holds 1 to "
                        + CREDENTIALS_PER_PART + " credentials");
            }
        }
    }

    /**
     * The ballot box closed: the board ({@code ballot.cast} and {@code ballot.challenged} entries of this ballot, in
     * record order) held {@code boardEntries} entries ending with tracking code {@code lastTrackingCode}, every one
     * verified; {@code counted} credentials had a cast ballot; {@code tally} is the encrypted tally of their last
     * ballots, weighted (ballot spec §8.1 eq 42), by contest and selection.
     */
    record BallotClosed(String ballot, UnitId unit, int boardEntries, int counted, String lastTrackingCode,
                        List<List<Cipher>> tally) implements SecretBallotEvent {
        public BallotClosed {
            checkBallotId(ballot);
            need(unit, "the unit");
            if (boardEntries < 0 || counted < 0 || counted > boardEntries) {
                throw new IllegalArgumentException("a board holds zero or more entries, and no more ballots count than it holds");
            }
            hex(lastTrackingCode, 32, "the last tracking code");
            tally = tally.stream().map(List::copyOf).toList();
            if (tally.isEmpty()) {
                throw new IllegalArgumentException("a tally has at least one contest");
            }
        }
    }

    /**
     * The tellers decrypted the tally: their partial decryptions (each share proven), the trustees whose shares were
     * combined, and the counts by contest and selection (ballot spec §8.2–8.4). The decision follows: a congress's
     * {@code vote.closed}, or an election's {@code election.held} and mandates.
     */
    record BallotDecrypted(String ballot, UnitId unit, List<Partial> partials, List<Integer> trustees, List<List<Long>> counts)
            implements SecretBallotEvent {
        public BallotDecrypted {
            checkBallotId(ballot);
            need(unit, "the unit");
            partials = List.copyOf(partials);
            trustees = List.copyOf(trustees);
            counts = counts.stream().map(List::copyOf).toList();
            if (partials.isEmpty() || trustees.isEmpty() || counts.isEmpty()) {
                throw new IllegalArgumentException("a decryption has partial decryptions, the trustees combined and the counts");
            }
            if (counts.stream().flatMap(List::stream).anyMatch(count -> count < 0)) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }
    }
}
