package org.smolny.ballot.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smolny.ballot.vectors.Vectors.GROUP;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.elgamal.ElGamal;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotChecks;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.InvalidEncodingException;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.ShareEncryption;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.proof.ChaumPedersenProof;
import org.smolny.ballot.proof.DisjunctiveProof;
import org.smolny.ballot.proof.FiatShamir;
import org.smolny.ballot.proof.ManifestHash;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.proof.ProofLabel;
import org.smolny.ballot.proof.SchnorrProof;
import org.smolny.ballot.record.JsonReader;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.TrackingCode;

/** The test vector files of ballot spec §12: reproducible, valid cases verify, every invalid case is rejected. */
class VectorFilesTest {
    private static final RecordCodec CODEC = new RecordCodec(GROUP);

    private static JsonNode file(String name) throws IOException {
        try (InputStream in = VectorFilesTest.class.getResourceAsStream("/vectors/" + name)) {
            assertThat(in).as(name).isNotNull();
            return VectorSuite.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static GroupElement element(JsonNode n) {
        return GROUP.decodeElement(Bytes.unhex(n.asText()));
    }

    private static SecretScalar secret(JsonNode n) {
        return GROUP.secret(GROUP.decodeScalar(Bytes.unhex(n.asText())).value());
    }

    private static JsonReader reader(JsonNode n) {
        return RecordCodec.root(n, "vector");
    }

    private static ProofContext context(JsonNode file) {
        return new ProofContext(GROUP, ManifestHash.ofHex(file.get("manifestHash").asText()));
    }

    private static ProofLabel label(String text) {
        for (ProofLabel l : ProofLabel.values()) {
            if (l.text().equals(text)) {
                return l;
            }
        }
        throw new IllegalArgumentException(text);
    }

    @Test
    void the_vector_files_are_exactly_what_the_implementation_produces_from_their_fixed_secrets() throws IOException {
        for (Map.Entry<String, JsonNode> e : VectorSuite.all().entrySet()) {
            assertThat(VectorSuite.JSON.writeValueAsString(file(e.getKey()))).as(e.getKey())
                    .isEqualTo(VectorSuite.JSON.writeValueAsString(e.getValue()));
        }
    }

    @Test
    void group_vectors_multiply_and_every_invalid_encoding_is_rejected() throws IOException {
        JsonNode f = file("group.json");
        assertThat(Bytes.hex(GROUP.generator().encode())).isEqualTo(f.get("generator").asText());
        for (JsonNode m : f.get("multiples")) {
            assertThat(Bytes.hex(GROUP.powerOfGenerator(GROUP.decodeScalar(Bytes.unhex(m.get("k").asText()))).encode()))
                    .isEqualTo(m.get("kG").asText());
        }
        for (JsonNode bad : f.get("invalidElements")) {
            assertThatThrownBy(() -> GROUP.decodeElement(Bytes.unhex(bad.get("encoding").asText())))
                    .as(bad.get("description").asText()).isInstanceOf(InvalidEncodingException.class);
        }
        for (JsonNode bad : f.get("invalidScalars")) {
            assertThatThrownBy(() -> GROUP.decodeScalar(Bytes.unhex(bad.get("encoding").asText())))
                    .as(bad.get("description").asText()).isInstanceOf(InvalidEncodingException.class);
        }
    }

    @Test
    void fiat_shamir_vectors_give_the_same_transcripts_and_challenges() throws IOException {
        JsonNode f = file("fiat-shamir.json");
        for (JsonNode c : f.get("cases")) {
            assertThat(Bytes.hex(VectorSuite.transcript(c.get("statement")).encoded()))
                    .isEqualTo(c.get("statementTranscript").asText());
            assertThat(Bytes.hex(FiatShamir.challenge(label(c.get("label").asText()), context(f),
                    VectorSuite.transcript(c.get("statement")), VectorSuite.transcript(c.get("commitments"))).encode()))
                    .isEqualTo(c.get("challenge").asText());
        }
    }

    @Test
    void elgamal_vectors_encrypt_with_fixed_nonces_and_add_homomorphically() throws IOException {
        JsonNode f = file("elgamal.json");
        ElectionPublicKey key = new ElectionPublicKey(element(f.get("publicKey")));
        SecretScalar s = secret(f.get("secretKey"));
        for (JsonNode c : f.get("cases")) {
            Ciphertext ct = ElGamal.encrypt(key, c.get("plaintext").asLong(), secret(c.get("nonce")));
            assertThat(Bytes.hex(ct.alpha().encode())).isEqualTo(c.get("alpha").asText());
            assertThat(Bytes.hex(ct.beta().encode())).isEqualTo(c.get("beta").asText());
        }
        JsonNode h = f.get("homomorphic");
        Ciphertext sum = new Ciphertext(element(h.get("ciphertext").get("alpha")), element(h.get("ciphertext").get("beta")));
        assertThat(sum.beta().divide(sum.alpha().power(s)))
                .isEqualTo(GROUP.powerOfGenerator(GROUP.scalar(h.get("plaintext").asLong())));
    }

    private static boolean disjunctiveHolds(ProofContext ctx, ElectionPublicKey key, String label, JsonNode allowed,
                                            JsonNode c) {
        try {
            Ciphertext ct = new Ciphertext(element(c.get("ciphertext").get("alpha")),
                    element(c.get("ciphertext").get("beta")));
            List<Long> values = new ArrayList<>();
            allowed.forEach(v -> values.add(v.asLong()));
            DisjunctiveProof proof = parseDisjunctive(c.get("proof"));
            return proof.verify(label(label), ctx, key, ct, values, VectorSuite.transcript(c.get("context")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static DisjunctiveProof parseDisjunctive(JsonNode proof) {
        ObjectNode wrapper = VectorSuite.JSON.createObjectNode();
        wrapper.put("alpha", Bytes.hex(GROUP.generator().encode()));
        wrapper.put("beta", Bytes.hex(GROUP.generator().encode()));
        wrapper.set("proof", proof);
        ObjectNode contest = VectorSuite.JSON.createObjectNode();
        contest.putArray("selections").add(wrapper);
        ObjectNode ballot = VectorSuite.JSON.createObjectNode();
        ballot.put("credential", Bytes.hex(GROUP.generator().encode()));
        ballot.putArray("contests").add(contest);
        ballot.set("signature", CODEC.schnorr(new SchnorrProof(GROUP.generator(), GROUP.scalar(1))));
        return CODEC.ballot(reader(ballot)).contests().get(0).selections().get(0).proof();
    }

    @Test
    void every_valid_proof_vector_verifies_and_every_mutated_one_is_rejected() throws IOException {
        JsonNode f = file("proofs.json");
        ProofContext ctx = context(f);
        ElectionPublicKey key = new ElectionPublicKey(element(f.get("electionKey")));
        int rejected = 0;
        for (JsonNode c : f.get("disjunctive")) {
            assertThat(disjunctiveHolds(ctx, key, c.get("label").asText(), c.get("allowed"), c))
                    .as(c.get("description").asText()).isTrue();
            for (JsonNode bad : c.get("invalid")) {
                assertThat(disjunctiveHolds(ctx, key, c.get("label").asText(), c.get("allowed"), bad))
                        .as(c.get("description").asText() + ": " + bad.get("description").asText()).isFalse();
                rejected++;
            }
        }
        for (JsonNode c : f.get("schnorr")) {
            SchnorrProof proof = new SchnorrProof(element(c.get("proof").get("commitment")),
                    GROUP.decodeScalar(Bytes.unhex(c.get("proof").get("response").asText())));
            ProofLabel label = label(c.get("label").asText());
            assertThat(proof.verify(label, ctx, element(c.get("publicKey")), VectorSuite.transcript(c.get("context"))))
                    .isTrue();
            for (JsonNode bad : c.get("invalid")) {
                SchnorrProof p = new SchnorrProof(element(bad.get("proof").get("commitment")),
                        GROUP.decodeScalar(Bytes.unhex(bad.get("proof").get("response").asText())));
                assertThat(p.verify(label, ctx, element(bad.get("publicKey")), VectorSuite.transcript(bad.get("context"))))
                        .as(bad.get("description").asText()).isFalse();
                rejected++;
            }
        }
        for (JsonNode c : f.get("chaumPedersen")) {
            GroupElement x = element(c.get("key"));
            GroupElement a = element(c.get("base"));
            assertThat(cp(c.get("proof")).verify(ctx, x, a, element(c.get("result")),
                    VectorSuite.transcript(c.get("context")))).isTrue();
            for (JsonNode bad : c.get("invalid")) {
                assertThat(cp(bad.get("proof")).verify(ctx, x, a, element(bad.get("result")),
                        VectorSuite.transcript(c.get("context")))).as(bad.get("description").asText()).isFalse();
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThanOrEqualTo(30);
    }

    private static ChaumPedersenProof cp(JsonNode p) {
        return new ChaumPedersenProof(element(p.get("a")), element(p.get("b")),
                GROUP.decodeScalar(Bytes.unhex(p.get("v").asText())));
    }

    @Test
    void ceremony_vectors_check_every_share_against_the_commitments_and_give_the_joint_key() throws IOException {
        JsonNode f = file("ceremony.json");
        ProofContext ctx = context(f);
        List<TrusteeAnnouncement> announcements = new ArrayList<>();
        for (JsonNode a : f.get("announcements")) {
            TrusteeAnnouncement announcement = CODEC.announcement(reader(a));
            assertThat(announcement.proofsHold(ctx)).isTrue();
            announcements.add(announcement);
        }
        Map<Integer, SecretScalar> transport = new TreeMap<>();
        for (JsonNode t : f.get("trusteeSecrets")) {
            transport.put(t.get("index").asInt(), secret(t.get("transportSecret")));
        }
        for (JsonNode s : f.get("shares")) {
            EncryptedShare encrypted = CODEC.share(reader(s.get("encrypted")));
            TrusteeAnnouncement recipient = announcements.get(encrypted.recipient() - 1);
            Optional<SecretScalar> share = ShareEncryption.decrypt(ctx.manifestHash(), encrypted,
                    recipient.transportKey(), transport.get(encrypted.recipient()));
            assertThat(share).isPresent();
            assertThat(Bytes.hex(share.get().revealEncoding())).isEqualTo(s.get("share").asText());
            // a share addressed to someone else does not open with this trustee's key
            int other = encrypted.recipient() == 1 ? 2 : 1;
            assertThat(ShareEncryption.decrypt(ctx.manifestHash(), encrypted, announcements.get(other - 1).transportKey(),
                    transport.get(other))).isEmpty();
        }
        for (JsonNode k : f.get("keyShares")) {
            GroupElement x = KeyCeremony.verificationKey(GROUP, announcements, k.get("index").asInt());
            assertThat(Bytes.hex(x.encode())).isEqualTo(k.get("verificationKey").asText());
            assertThat(GROUP.powerOfGenerator(secret(k.get("keyShare")))).isEqualTo(x);
        }
        assertThat(Bytes.hex(KeyCeremony.jointKey(GROUP, announcements).encode())).isEqualTo(f.get("jointKey").asText());
    }

    @Test
    void decryption_vectors_give_the_count_from_every_pair_of_trustees() throws IOException {
        JsonNode f = file("decryption.json");
        ProofContext ctx = context(f);
        EncryptedTally tally = CODEC.tally(reader(f.get("tally")));
        JsonNode ceremony = file("ceremony.json");
        Map<Integer, GroupElement> keys = new TreeMap<>();
        for (JsonNode k : ceremony.get("keyShares")) {
            keys.put(k.get("index").asInt(), element(k.get("verificationKey")));
        }
        GroupElement expected = GROUP.powerOfGenerator(GROUP.scalar(f.get("count").asLong()));
        for (JsonNode subset : f.get("subsets")) {
            Map<Integer, PartialDecryption> partials = new TreeMap<>();
            List<Integer> used = new ArrayList<>();
            for (JsonNode p : subset.get("partials")) {
                PartialDecryption partial = CODEC.partial(reader(p));
                assertThat(Decryption.verify(ctx, keys.get(partial.trustee()), tally, partial)).isTrue();
                partials.put(partial.trustee(), partial);
                used.add(partial.trustee());
            }
            GroupElement gt = Decryption.plaintextElement(GROUP, tally.totals().get(0).get(0), used, partials, 0, 0);
            assertThat(gt).isEqualTo(expected);
            assertThat(Bytes.hex(gt.encode())).isEqualTo(subset.get("plaintextElement").asText());
            // one trustee alone (k − 1 = 1) does not decrypt
            int first = used.get(0);
            assertThat(Decryption.plaintextElement(GROUP, tally.totals().get(0).get(0), List.of(first), partials, 0, 0))
                    .isNotEqualTo(expected);
        }
    }

    @Test
    void ballot_vectors_verify_chain_their_tracking_codes_and_any_changed_byte_is_caught() throws IOException {
        JsonNode f = file("ballot.json");
        Manifest manifest = Manifest.parse(f.get("manifestCanonicalJson").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(manifest.hash().hex()).isEqualTo(f.get("manifestHash").asText());
        ProofContext ctx = new ProofContext(GROUP, manifest.hash());
        ElectionPublicKey key = new ElectionPublicKey(element(f.get("electionKey")));
        TrackingCode code = TrackingCode.ofHex(f.get("trackingCode0").asText());
        for (JsonNode b : f.get("ballots")) {
            EncryptedBallot ballot = CODEC.ballot(reader(b.get("ballot")));
            assertThat(BallotChecks.verifyAll(ctx, manifest, key, ballot)).isEmpty();
            assertThat(Bytes.hex(ballot.hash(manifest.hash()))).isEqualTo(b.get("ballotHash").asText());
            code = code.next(ballot.hash(manifest.hash()));
            assertThat(code.hex()).isEqualTo(b.get("trackingCode").asText());
            int mutants = 0;
            for (String path : hexPaths(b.get("ballot"), "")) {
                JsonNode mutated = b.get("ballot").deepCopy();
                flipLastBit(mutated, path);
                boolean rejected;
                try {
                    EncryptedBallot m = CODEC.ballot(reader(mutated));
                    rejected = BallotChecks.verifyAll(ctx, manifest, key, m).isPresent();
                } catch (IllegalArgumentException e) {
                    rejected = true;
                }
                assertThat(rejected).as("ballot with the last bit of %s flipped", path).isTrue();
                mutants++;
            }
            assertThat(mutants).isGreaterThan(40);
        }
    }

    private static List<String> hexPaths(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> out.addAll(hexPaths(node.get(name), path + "/" + name)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(hexPaths(node.get(i), path + "/" + i));
            }
        } else if (node.isTextual()) {
            out.add(path);
        }
        return out;
    }

    private static void flipLastBit(JsonNode root, String path) {
        int cut = path.lastIndexOf('/');
        JsonNode parent = root.at(path.substring(0, cut));
        String last = path.substring(cut + 1);
        String hex = parent.isArray() ? parent.get(Integer.parseInt(last)).asText() : parent.get(last).asText();
        char c = hex.charAt(hex.length() - 1);
        char flipped = Character.forDigit(Character.digit(c, 16) ^ 1, 16);
        String value = hex.substring(0, hex.length() - 1) + flipped;
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), TextNode.valueOf(value));
        } else {
            ((ObjectNode) parent).put(last, value);
        }
    }
}
