package org.smolny.ballot.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.encrypt.BallotReveal;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.EncryptedContest;
import org.smolny.ballot.encrypt.EncryptedSelection;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.decrypt.DecryptionShare;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.Scalar;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeConfirmation;
import org.smolny.ballot.proof.ChaumPedersenProof;
import org.smolny.ballot.proof.DisjunctiveProof;
import org.smolny.ballot.proof.SchnorrProof;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.TrackingCode;

/**
 * The JSON encoding of every published value (ballot spec §10): elements and scalars as lowercase hex of their
 * canonical bytes (§2.2–2.3), integers as JSON numbers. Readers validate everything they decode and name the JSON path
 * of the first problem. Stateless and thread-safe.
 */
public final class RecordCodec {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Group group;

    public RecordCodec(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON text; {@code where} names the file (and line) in errors. */
    public static JsonNode parse(String where, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new RecordFormatException(where + ": empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RecordFormatException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    static String hex(GroupElement e) {
        return Bytes.hex(e.encode());
    }

    static String hex(Scalar s) {
        return Bytes.hex(s.encode());
    }

    // ---- proofs (§10.1)

    public ObjectNode schnorr(SchnorrProof p) {
        ObjectNode o = object();
        o.put("commitment", hex(p.commitment()));
        o.put("response", hex(p.response()));
        return o;
    }

    SchnorrProof schnorr(JsonReader r) {
        return new SchnorrProof(r.field("commitment").element(group), r.field("response").scalar(group));
    }

    public ArrayNode disjunctive(DisjunctiveProof p) {
        ArrayNode a = JSON.createArrayNode();
        for (DisjunctiveProof.Branch b : p.branches()) {
            ObjectNode o = a.addObject();
            o.put("a", hex(b.commitmentA()));
            o.put("b", hex(b.commitmentB()));
            o.put("c", hex(b.challenge()));
            o.put("v", hex(b.response()));
        }
        return a;
    }

    DisjunctiveProof disjunctive(JsonReader r) {
        List<DisjunctiveProof.Branch> branches = r.list((b, i) -> new DisjunctiveProof.Branch(
                b.field("a").element(group), b.field("b").element(group), b.field("c").scalar(group),
                b.field("v").scalar(group)));
        if (branches.isEmpty() || branches.size() > 1_000) {
            throw r.error("a disjunctive proof has 1 to 1000 branches");
        }
        return new DisjunctiveProof(branches);
    }

    public ObjectNode chaumPedersen(ChaumPedersenProof p) {
        ObjectNode o = object();
        o.put("a", hex(p.commitmentG()));
        o.put("b", hex(p.commitmentA()));
        o.put("v", hex(p.response()));
        return o;
    }

    ChaumPedersenProof chaumPedersen(JsonReader r) {
        return new ChaumPedersenProof(r.field("a").element(group), r.field("b").elementOrIdentity(group),
                r.field("v").scalar(group));
    }

    public ObjectNode ciphertext(Ciphertext c) {
        ObjectNode o = object();
        o.put("alpha", hex(c.alpha()));
        o.put("beta", hex(c.beta()));
        return o;
    }

    Ciphertext ciphertext(JsonReader r, boolean identityAllowed) {
        return identityAllowed
                ? new Ciphertext(r.field("alpha").elementOrIdentity(group), r.field("beta").elementOrIdentity(group))
                : new Ciphertext(r.field("alpha").element(group), r.field("beta").element(group));
    }

    // ---- ballots and board (§10.4)

    public ObjectNode ballot(EncryptedBallot b) {
        ObjectNode o = object();
        o.put("credential", hex(b.credential()));
        ArrayNode contests = o.putArray("contests");
        for (EncryptedContest c : b.contests()) {
            ObjectNode co = contests.addObject();
            ArrayNode sel = co.putArray("selections");
            for (EncryptedSelection s : c.selections()) {
                ObjectNode so = sel.addObject();
                so.put("alpha", hex(s.ciphertext().alpha()));
                so.put("beta", hex(s.ciphertext().beta()));
                so.set("proof", disjunctive(s.proof()));
            }
            c.proof().ifPresent(p -> co.set("proof", disjunctive(p)));
        }
        o.set("signature", schnorr(b.signature()));
        return o;
    }

    public EncryptedBallot ballot(JsonReader r) {
        GroupElement credential = r.field("credential").element(group);
        List<EncryptedContest> contests = r.field("contests").list((c, i) -> {
            List<EncryptedSelection> selections = c.field("selections").list((s, j) ->
                    new EncryptedSelection(ciphertext(s, false), disjunctive(s.field("proof"))));
            if (selections.isEmpty()) {
                throw c.error("a contest has at least one selection");
            }
            Optional<DisjunctiveProof> proof = c.has("proof")
                    ? Optional.of(disjunctive(c.field("proof"))) : Optional.empty();
            return new EncryptedContest(selections, proof);
        });
        return new EncryptedBallot(credential, contests, schnorr(r.field("signature")));
    }

    public ObjectNode boardEntry(BoardEntry e) {
        ObjectNode o = object();
        o.put("kind", e instanceof BoardEntry.Cast ? "cast" : "challenged");
        o.set("ballot", ballot(e.ballot()));
        if (e instanceof BoardEntry.Challenged ch) {
            ObjectNode rev = o.putObject("reveal");
            ArrayNode pts = rev.putArray("plaintexts");
            ch.reveal().plaintexts().forEach(row -> {
                ArrayNode a = pts.addArray();
                row.forEach(a::add);
            });
            ArrayNode ns = rev.putArray("nonces");
            ch.reveal().nonces().forEach(row -> {
                ArrayNode a = ns.addArray();
                row.forEach(n -> a.add(Bytes.hex(n.revealEncoding())));
            });
        }
        o.put("trackingCode", e.trackingCode().hex());
        return o;
    }

    public BoardEntry boardEntry(JsonReader r) {
        String kind = r.field("kind").text();
        EncryptedBallot ballot = ballot(r.field("ballot"));
        byte[] code = r.field("trackingCode").hex();
        if (code.length != 32) {
            throw r.field("trackingCode").error("a tracking code is 32 bytes");
        }
        TrackingCode trackingCode = new TrackingCode(code);
        return switch (kind) {
            case "cast" -> new BoardEntry.Cast(ballot, trackingCode);
            case "challenged" -> {
                JsonReader rev = r.field("reveal");
                List<List<Long>> plaintexts = rev.field("plaintexts").list((row, i) ->
                        row.list((v, j) -> v.integer()));
                List<List<SecretScalar>> nonces = rev.field("nonces").list((row, i) -> row.list((v, j) -> {
                    Scalar s = v.scalar(group);
                    if (s.isZero()) {
                        throw v.error("a nonce must not be zero");
                    }
                    return group.secret(s.value());
                }));
                try {
                    yield new BoardEntry.Challenged(ballot, new BallotReveal(plaintexts, nonces), trackingCode);
                } catch (IllegalArgumentException e) {
                    throw rev.error(e.getMessage());
                }
            }
            default -> throw r.field("kind").error("must be \"cast\" or \"challenged\", got \"" + kind + "\"");
        };
    }

    // ---- credentials (§10.3)

    public ObjectNode credentials(List<PublicCredential> credentials) {
        ObjectNode o = object();
        o.put("v", 1);
        ArrayNode a = o.putArray("credentials");
        for (PublicCredential c : credentials) {
            ObjectNode co = a.addObject();
            co.put("key", hex(c.key()));
            co.put("weight", c.weight());
        }
        return o;
    }

    public List<PublicCredential> credentials(JsonReader r) {
        r.version();
        return r.field("credentials").list((c, i) -> credential(c));
    }

    /** One item of the credential list (§10.3). */
    public PublicCredential credential(JsonReader c) {
        long weight = c.field("weight").integer();
        if (weight < 1 || weight > PublicCredential.MAX_WEIGHT) {
            throw c.field("weight").error("a weight must be 1 to " + PublicCredential.MAX_WEIGHT);
        }
        return new PublicCredential(c.field("key").element(group), weight);
    }

    // ---- ceremony (§10.2)

    public ObjectNode announcement(TrusteeAnnouncement a) {
        ObjectNode o = object();
        o.put("index", a.index());
        o.put("transportKey", hex(a.transportKey()));
        o.set("transportProof", schnorr(a.transportProof()));
        ArrayNode cs = o.putArray("commitments");
        a.commitments().forEach(c -> cs.add(hex(c)));
        ArrayNode ps = o.putArray("coefficientProofs");
        a.coefficientProofs().forEach(p -> ps.add(schnorr(p)));
        return o;
    }

    public TrusteeAnnouncement announcement(JsonReader r) {
        List<GroupElement> commitments = r.field("commitments").list((c, i) -> c.element(group));
        List<SchnorrProof> proofs = r.field("coefficientProofs").list((p, i) -> schnorr(p));
        if (commitments.isEmpty() || commitments.size() != proofs.size()) {
            throw r.error("needs one coefficient proof per commitment, and at least one");
        }
        return new TrusteeAnnouncement(r.field("index").smallInt(), r.field("transportKey").element(group),
                schnorr(r.field("transportProof")), commitments, proofs);
    }

    public ObjectNode share(EncryptedShare s) {
        ObjectNode o = object();
        o.put("sender", s.sender());
        o.put("recipient", s.recipient());
        o.put("ephemeral", hex(s.ephemeral()));
        o.put("ciphertext", Bytes.hex(s.ciphertext()));
        return o;
    }

    public EncryptedShare share(JsonReader r) {
        byte[] body = r.field("ciphertext").hex();
        if (body.length != 48) {
            throw r.field("ciphertext").error("an encrypted share is 48 bytes");
        }
        return new EncryptedShare(r.field("sender").smallInt(), r.field("recipient").smallInt(),
                r.field("ephemeral").element(group), body);
    }

    public ObjectNode confirmation(TrusteeConfirmation c) {
        ObjectNode o = object();
        o.put("index", c.index());
        o.put("jointKey", hex(c.jointKey()));
        o.put("verificationKey", hex(c.verificationKey()));
        return o;
    }

    public TrusteeConfirmation confirmation(JsonReader r) {
        return new TrusteeConfirmation(r.field("index").smallInt(), r.field("jointKey").element(group),
                r.field("verificationKey").element(group));
    }

    // ---- tally and decryption (§10.5)

    public ObjectNode tally(EncryptedTally t) {
        ObjectNode o = object();
        o.put("v", 1);
        ArrayNode rows = o.putArray("totals");
        t.totals().forEach(row -> {
            ArrayNode a = rows.addArray();
            row.forEach(c -> a.add(ciphertext(c)));
        });
        return o;
    }

    public EncryptedTally tally(JsonReader r) {
        r.version();
        return new EncryptedTally(r.field("totals").list((row, i) -> row.list((c, j) -> ciphertext(c, true))));
    }

    public ObjectNode partial(PartialDecryption p) {
        ObjectNode o = object();
        o.put("trustee", p.trustee());
        ArrayNode rows = o.putArray("shares");
        p.shares().forEach(row -> {
            ArrayNode a = rows.addArray();
            row.forEach(s -> {
                ObjectNode so = a.addObject();
                so.put("share", hex(s.share()));
                so.set("proof", chaumPedersen(s.proof()));
            });
        });
        return o;
    }

    public PartialDecryption partial(JsonReader r) {
        return new PartialDecryption(r.field("trustee").smallInt(), r.field("shares").list((row, i) ->
                row.list((s, j) -> new DecryptionShare(s.field("share").elementOrIdentity(group),
                        chaumPedersen(s.field("proof"))))));
    }

    /** A reader at the root of a JSON document, for the public parse methods. */
    public static JsonReader root(JsonNode node, String where) {
        return new JsonReader(node, where);
    }


}
