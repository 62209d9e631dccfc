package org.smolny.web.record;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smolny.record.merkle.ProofError;
import org.smolny.record.merkle.ProofResult;
import org.smolny.record.merkle.Proofs;
import org.smolny.web.Feature;
import org.smolny.web.Routes;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.api.ApiCatalog.Location;
import org.smolny.web.api.ApiCatalog.Parameter;
import org.smolny.web.i18n.Messages;
import org.smolny.web.problem.Parameters;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

/**
 * The public record's pages and JSON API: the entries newest first, the latest signed
 * checkpoint with its cosignatures, each entry with its inclusion proof checked against that
 * checkpoint, and inclusion and consistency proofs for programs.
 *
 * <p>Thread-safe: it only reads through the {@link RecordView}.
 */
public final class RecordPages implements Feature {

    /** Entries on one page of the list. */
    public static final int PAGE_SIZE = 20;

    /** The most entries one API request returns. */
    public static final int MAX_COUNT = 100;

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final com.fasterxml.jackson.core.JsonFactory JSON_FACTORY = new com.fasterxml.jackson.core.JsonFactory();

    private final RecordView record;

    public RecordPages(RecordView record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    @Override
    public void install(Routes routes) {
        routes.page("/record", ctx -> listPage(routes, ctx));
        routes.page("/record/checkpoint", ctx -> checkpointPage(routes, ctx));
        routes.page("/record/entries/{index}", ctx -> entryPage(routes, ctx));

        routes.api(new ApiCatalog.Operation("/api/record", "recordSummary",
                "The record's size and its latest signed checkpoint (size and root hash).",
                List.of(), Map.of(200, "The summary"), "application/json"), ctx -> {
            Optional<SignedCheckpoint> checkpoint = record.latestCheckpoint();
            ctx.json(new SummaryJson(record.size(), checkpoint.map(RecordPages::checkpointJson).orElse(null)));
        });
        routes.api(new ApiCatalog.Operation("/api/record/entries", "recordEntries",
                "Entries from index 'from', oldest first, at most 'count' (1–" + MAX_COUNT + ").",
                List.of(new Parameter("from", Location.QUERY, "Index of the first entry (default 0)", false, 0),
                        new Parameter("count", Location.QUERY, "How many entries (default " + PAGE_SIZE + ", at most " + MAX_COUNT + ")", false, 1)),
                Map.of(200, "The entries", 400, "'from' or 'count' is not a whole number in range"), "application/json"), ctx -> {
            long size = record.size();
            long from = Parameters.optionalLong("from", ctx.queryParam("from"), 0, 0);
            long count = Parameters.optionalLong("count", ctx.queryParam("count"), 1, PAGE_SIZE);
            if (count > MAX_COUNT) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.parameter.too-large", "count", Long.toString(count), Integer.toString(MAX_COUNT));
            }
            if (from > size) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.record.from-beyond-size", Long.toString(from), Long.toString(size));
            }
            List<EntryJson> entries = from == size ? List.of()
                    : record.entries(from, (int) Math.min(count, size - from)).stream().map(RecordPages::entryJson).toList();
            ctx.json(new EntriesJson(size, from, entries));
        });
        routes.api(new ApiCatalog.Operation("/api/record/entries/{index}", "recordEntry",
                "One entry, its canonical JSON verbatim, and its RFC 9162 leaf hash.",
                List.of(new Parameter("index", Location.PATH, "The entry's index, from 0", true, 0)),
                Map.of(200, "The entry", 400, "'index' is not a whole number", 404, "No entry has this index yet"), "application/json"),
                ctx -> ctx.json(entryJson(existingEntry(ctx.pathParam("index")))));
        routes.api(new ApiCatalog.Operation("/api/record/checkpoint", "recordCheckpoint",
                "The latest signed checkpoint: the C2SP signed note verbatim, its size and root hash, and the witnesses' cosignatures.",
                List.of(), Map.of(200, "The checkpoint", 409, "No checkpoint has been signed yet"), "application/json"),
                ctx -> ctx.json(checkpointJson(requiredCheckpoint())));
        routes.api(new ApiCatalog.Operation("/api/record/checkpoint.txt", "recordCheckpointNote",
                "The latest signed checkpoint as the C2SP signed note, byte for byte.",
                List.of(), Map.of(200, "The signed note", 409, "No checkpoint has been signed yet"), "text/plain"),
                ctx -> ctx.contentType("text/plain; charset=utf-8").result(requiredCheckpoint().note()));
        routes.api(new ApiCatalog.Operation("/api/record/proof/inclusion", "recordInclusionProof",
                "The RFC 9162 inclusion proof of entry 'index' in the tree of the first 'size' entries (base64 hashes).",
                List.of(new Parameter("index", Location.QUERY, "The entry's index", true, 0),
                        new Parameter("size", Location.QUERY, "The tree size, greater than 'index', at most the record's size", true, 1)),
                Map.of(200, "The proof", 400, "A parameter is missing, not a whole number, or out of range"), "application/json"), ctx -> {
            long index = Parameters.requiredLong("index", ctx.queryParam("index"), 0);
            long treeSize = Parameters.requiredLong("size", ctx.queryParam("size"), 1);
            long size = record.size();
            if (treeSize > size) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.record.size-beyond-record", "size", Long.toString(treeSize), Long.toString(size));
            }
            if (index >= treeSize) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.record.index-not-below-size", Long.toString(index), Long.toString(treeSize));
            }
            RecordEntry entry = record.entry(index);
            ctx.json(new InclusionJson(index, treeSize, base64(entry.leafHash()), base64(record.inclusionProof(index, treeSize))));
        });
        routes.api(new ApiCatalog.Operation("/api/record/proof/consistency", "recordConsistencyProof",
                "The RFC 9162 consistency proof between the trees of the first 'from' and the first 'to' entries (base64 hashes).",
                List.of(new Parameter("from", Location.QUERY, "The older tree size, at least 1", true, 1),
                        new Parameter("to", Location.QUERY, "The newer tree size, at least 'from', at most the record's size", true, 1)),
                Map.of(200, "The proof", 400, "A parameter is missing, not a whole number, or out of range"), "application/json"), ctx -> {
            long from = Parameters.requiredLong("from", ctx.queryParam("from"), 1);
            long to = Parameters.requiredLong("to", ctx.queryParam("to"), 1);
            long size = record.size();
            if (to > size) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.record.size-beyond-record", "to", Long.toString(to), Long.toString(size));
            }
            if (from > to) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.record.from-above-to", Long.toString(from), Long.toString(to));
            }
            ctx.json(new ConsistencyJson(from, to, base64(record.consistencyProof(from, to))));
        });
    }

    private void listPage(Routes routes, Context ctx) {
        Messages t = Routes.messages(ctx);
        long size = record.size();
        long before = Parameters.optionalLong("before", ctx.queryParam("before"), 0, size);
        if (before > size) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.record.from-beyond-size", Long.toString(before), Long.toString(size));
        }
        long from = Math.max(0, before - PAGE_SIZE);
        List<RecordEntry> entries = new ArrayList<>(before == 0 ? List.of() : record.entries(from, (int) (before - from)));
        Collections.reverse(entries);
        RecordListModel model = new RecordListModel(size, entries,
                before < size ? Math.min(size, before + PAGE_SIZE) : -1,
                from > 0 ? from : -1,
                record.latestCheckpoint().map(SignedCheckpoint::size).orElse(-1L));
        routes.render(ctx, "record/list.jte", "record", t.get("record.list.title"), Map.of("model", model));
    }

    private void checkpointPage(Routes routes, Context ctx) {
        Messages t = Routes.messages(ctx);
        Optional<SignedCheckpoint> checkpoint = record.latestCheckpoint();
        routes.render(ctx, "record/checkpoint.jte", "checkpoint", t.get("record.checkpoint.title"),
                modelAllowingNull("checkpoint", checkpoint.orElse(null), "recordSize", record.size()));
    }

    private void entryPage(Routes routes, Context ctx) {
        Messages t = Routes.messages(ctx);
        RecordEntry entry = existingEntry(ctx.pathParam("index"));
        Optional<SignedCheckpoint> checkpoint = record.latestCheckpoint();
        InclusionModel inclusion;
        if (checkpoint.isEmpty() || entry.index() >= checkpoint.get().size()) {
            inclusion = InclusionModel.notYetCovered(checkpoint.map(SignedCheckpoint::size).orElse(0L));
        } else {
            SignedCheckpoint signed = checkpoint.get();
            List<byte[]> proof = record.inclusionProof(entry.index(), signed.size());
            // The record module's RFC 9162 verification, a pure function: the page says "verified" only when it holds.
            ProofResult result = Proofs.verifyInclusion(entry.index(), signed.size(), entry.leafHash(), proof, signed.rootHash());
            inclusion = InclusionModel.checked(signed, base64(proof), result instanceof ProofError error ? error.message() : null);
        }
        routes.render(ctx, "record/entry.jte", "record", t.get("record.entry.title", Long.toString(entry.index())),
                Map.of("entry", entry, "leafHash", base64(entry.leafHash()), "inclusion", inclusion));
    }

    private RecordEntry existingEntry(String rawIndex) {
        long index = Parameters.requiredLong("index", rawIndex, 0);
        long size = record.size();
        if (index >= size) {
            throw new ProblemException(ProblemType.NOT_FOUND, "problem.record.no-such-entry", Long.toString(index), Long.toString(size));
        }
        return record.entry(index);
    }

    private SignedCheckpoint requiredCheckpoint() {
        return record.latestCheckpoint().orElseThrow(() -> new ProblemException(ProblemType.NOT_AVAILABLE, "problem.record.no-checkpoint"));
    }

    /** A template model in which a value may be null (Map.of refuses nulls; templates test for them). */
    private static Map<String, Object> modelAllowingNull(String key, Object value, String otherKey, Object otherValue) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put(key, value);
        model.put(otherKey, otherValue);
        return model;
    }

    static String base64(byte[] bytes) {
        return BASE64.encodeToString(bytes);
    }

    static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(RecordPages::base64).toList();
    }

    private static EntryJson entryJson(RecordEntry entry) {
        // The entry goes out verbatim as JSON; bytes that are not JSON (a damaged record) go out as a string instead.
        boolean isJson;
        try (var parser = JSON_FACTORY.createParser(entry.json())) {
            while (parser.nextToken() != null) {
                // reads to the end: throws on malformed JSON
            }
            isJson = true;
        } catch (java.io.IOException malformed) {
            isJson = false;
        }
        return new EntryJson(entry.index(), entry.type(), isJson ? entry.json() : null, isJson ? null : entry.json(), base64(entry.leafHash()));
    }

    private static CheckpointJson checkpointJson(SignedCheckpoint checkpoint) {
        return new CheckpointJson(checkpoint.origin(), checkpoint.size(), base64(checkpoint.rootHash()), checkpoint.note(),
                checkpoint.logSignatureValid(), checkpoint.logKey(),
                checkpoint.cosignatures().stream()
                        .map(c -> new CosignatureJson(c.witness(), c.keyId(), c.signedAt().toString(), c.valid())).toList());
    }

    /** The list page's content. {@code newerBefore} and {@code olderBefore} are -1 when there is no such page. */
    public record RecordListModel(long size, List<RecordEntry> entries, long newerBefore, long olderBefore, long checkpointSize) {
    }

    /** The entry page's inclusion section. */
    public record InclusionModel(boolean covered, long checkpointSize, String rootHash, List<String> proof, String problem,
                                 String note, String logKey) {
        static InclusionModel notYetCovered(long checkpointSize) {
            return new InclusionModel(false, checkpointSize, null, List.of(), null, "", "");
        }

        static InclusionModel checked(SignedCheckpoint checkpoint, List<String> proof, String problem) {
            return new InclusionModel(true, checkpoint.size(), base64(checkpoint.rootHash()), proof, problem, checkpoint.note(), checkpoint.logKey());
        }

        /** True only when the proof was checked and holds against the signed checkpoint. */
        public boolean verified() {
            return covered && problem == null;
        }
    }

    record SummaryJson(long size, CheckpointJson checkpoint) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record EntryJson(long index, String type, @JsonRawValue String entry, String unreadableEntry, String leafHash) {
    }

    record EntriesJson(long size, long from, List<EntryJson> entries) {
    }

    record CosignatureJson(String witness, String keyId, String timestamp, boolean valid) {
    }

    record CheckpointJson(String origin, long size, String rootHash, String note, boolean logSignatureValid, String logKey,
                          List<CosignatureJson> cosignatures) {
    }

    record InclusionJson(long index, long size, String leafHash, List<String> proof) {
    }

    record ConsistencyJson(long from, long to, List<String> proof) {
    }
}
