package org.smolny.ballot.encrypt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.proof.ManifestHash;

/**
 * What is being voted on and by which rules (ballot spec §1): the election id, the group, the contests, and the
 * trustee parameters. Its canonical JSON (keys sorted, no whitespace, RFC 8785 for this restricted content) is hashed
 * into every proof. Immutable.
 */
public record Manifest(String electionId, String title, String group, CeremonyParameters trustees,
                       List<Contest> contests) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Manifest {
        checkText("election id", electionId);
        checkText("title", title);
        if (!"P-256".equals(group)) {
            throw new IllegalArgumentException("the only group is P-256, got " + group);
        }
        java.util.Objects.requireNonNull(trustees, "trustees");
        contests = List.copyOf(contests);
        if (contests.isEmpty()) {
            throw new IllegalArgumentException("a manifest has at least one contest");
        }
        if (new HashSet<>(contests.stream().map(Contest::id).toList()).size() != contests.size()) {
            throw new IllegalArgumentException("two contests share an id");
        }
    }

    static void checkText(String what, String text) {
        if (text == null || text.isBlank() || text.length() > 200) {
            throw new IllegalArgumentException(what + " must be 1 to 200 characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20 || text.charAt(i) == 0x7f) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
        }
    }

    /** The canonical JSON bytes (ballot spec §1). */
    public byte[] canonicalJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cs = root.putArray("contests");
        for (Contest c : contests) {
            ObjectNode o = cs.addObject();
            o.put("id", c.id());
            o.put("limit", c.limit());
            o.put("limitKind", c.limitKind() == Contest.LimitKind.AT_MOST ? "at-most" : "exactly");
            ArrayNode sel = o.putArray("selections");
            c.selections().forEach(sel::add);
            o.put("title", c.title());
        }
        root.put("electionId", electionId);
        root.put("group", group);
        root.put("threshold", trustees.threshold());
        root.put("title", title);
        root.put("trustees", trustees.trustees());
        root.put("v", 1);
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the canonical JSON (ballot spec §1 eq 0). */
    public ManifestHash hash() {
        try {
            return new ManifestHash(MessageDigest.getInstance("SHA-256").digest(canonicalJson()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a manifest; throws {@link IllegalArgumentException} saying which field is wrong. */
    public static Manifest parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the manifest is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the manifest is not a JSON object");
        }
        if (root.path("v").asInt(-1) != 1) {
            throw new IllegalArgumentException("the manifest has no \"v\":1");
        }
        List<Contest> contests = new ArrayList<>();
        JsonNode cs = root.path("contests");
        if (!cs.isArray()) {
            throw new IllegalArgumentException("the manifest lacks the \"contests\" array");
        }
        for (JsonNode c : cs) {
            List<String> selections = new ArrayList<>();
            if (!c.path("selections").isArray()) {
                throw new IllegalArgumentException("a contest lacks the \"selections\" array");
            }
            c.path("selections").forEach(s -> selections.add(text(s, "selection")));
            String kind = text(c.path("limitKind"), "limitKind");
            Contest.LimitKind limitKind = switch (kind) {
                case "at-most" -> Contest.LimitKind.AT_MOST;
                case "exactly" -> Contest.LimitKind.EXACTLY;
                default -> throw new IllegalArgumentException("limitKind must be at-most or exactly, got " + kind);
            };
            contests.add(new Contest(text(c.path("id"), "contest id"), text(c.path("title"), "contest title"),
                    selections, limitKind, integer(c.path("limit"), "limit")));
        }
        return new Manifest(text(root.path("electionId"), "electionId"), text(root.path("title"), "title"),
                text(root.path("group"), "group"),
                new CeremonyParameters(integer(root.path("trustees"), "trustees"),
                        integer(root.path("threshold"), "threshold")),
                contests);
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("the manifest field " + field + " must be a string");
        }
        return node.asText();
    }

    private static int integer(JsonNode node, String field) {
        if (!node.isInt()) {
            throw new IllegalArgumentException("the manifest field " + field + " must be an integer");
        }
        return node.asInt();
    }
}
