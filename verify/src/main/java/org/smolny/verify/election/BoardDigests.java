package org.smolny.verify.election;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.record.json.CanonicalJson;
import org.smolny.record.json.EntryError;
import org.smolny.record.json.InvalidEntryException;

/**
 * The board entries of ballot spec §11.7 as digests: those held by the election's ballot entries on the record
 * (R) and the lines of {@code board.jsonl} (B), each a SHA-256 of the entry's JSON in one {@link Form}, parsed and
 * hashed on several threads, kept in order. Stateless; each call uses its own threads.
 */
final class BoardDigests {

    /** The record entry type of a cast ballot (as the ballot box writes it). */
    static final String CAST_TYPE = "ballot.cast";
    /** The record entry type of a challenged ballot. */
    static final String CHALLENGED_TYPE = "ballot.challenged";

    private static final int CHUNK = 1024;

    /**
     * The bytes hashed for a board entry. Two entries are the same (§11.7) when their RFC 8785 forms are equal; equal
     * {@link #SORTED} forms imply it (both are faithful serialisations of the JSON value), so the verifier compares
     * sorted forms first and computes RFC 8785 forms only when those differ.
     */
    enum Form {
        /** Jackson's output with members sorted (strict parsing, exact numbers): fast. */
        SORTED,
        /** RFC 8785 canonical JSON (the record module's {@link CanonicalJson}): decides. */
        CANONICAL;

        private static final JsonMapper SORTING = JsonMapper.builder(JsonFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .build();

        /** Parses strictly; anything unreadable (Jackson also throws NumberFormatException, for huge exponents) is an {@link InvalidEntryException}. */
        JsonNode parse(byte[] utf8) {
            try {
                if (this == CANONICAL) {
                    return CanonicalJson.parse(utf8);
                }
                JsonNode node = SORTING.readTree(utf8);
                if (node == null || node.isMissingNode()) {
                    throw new InvalidEntryException(new EntryError.NotJson("the text is empty"));
                }
                return node;
            } catch (InvalidEntryException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new InvalidEntryException(new EntryError.NotJson(String.valueOf(e.getMessage())));
            }
        }

        /** The bytes of this form; a value without one (a number RFC 8785 cannot write) is an {@link InvalidEntryException}. */
        byte[] bytes(JsonNode node) {
            try {
                return this == CANONICAL ? CanonicalJson.canonicalize(node) : SORTING.writeValueAsBytes(node);
            } catch (InvalidEntryException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new InvalidEntryException(new EntryError.NotJson(String.valueOf(e.getMessage())));
            }
        }
    }

    private BoardDigests() {
    }

    /**
     * R: the board entries held by the ballot entries of election {@code electionId} among the export's entries
     * 0 … size−1, in index order; a ballot entry of the election that holds no valid board entry fails check 25.
     */
    static Entries onRecord(Path export, long size, String electionId, Form form, int threads, List<Failure> failures)
            throws IOException {
        Entries record = new Entries();
        try (Pipeline<Item> pipeline = new Pipeline<>(threads, items -> {
            Part part = new Part(new Entries(), new ArrayList<>());
            for (Item item : items) {
                ballotEntry(item.position(), item.bytes(), electionId, form, part);
            }
            return part;
        }, part -> {
            record.addAll(part.entries());
            failures.addAll(part.failures());
        })) {
            ExportEntries.read(export, size, (index, bytes) -> pipeline.add(new Item(index, bytes)));
        }
        return record;
    }

    /** B: the lines of board.jsonl in order; a line that is not JSON has no digest. */
    static Entries onBoard(Path boardFile, Form form, int threads, List<Failure> failures) {
        Entries board = new Entries();
        try (BufferedReader reader = Files.newBufferedReader(boardFile, StandardCharsets.UTF_8);
             Pipeline<Item> pipeline = new Pipeline<>(threads, items -> {
                 Part part = new Part(new Entries(), List.of());
                 for (Item item : items) {
                     try {
                         JsonNode entry = form.parse(item.bytes());
                         part.entries().add(digest(form.bytes(entry)), trackingCode(entry), item.position());
                     } catch (InvalidEntryException notJson) {
                         part.entries().add(null, null, item.position());
                     }
                 }
                 return part;
             }, part -> board.addAll(part.entries()))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                pipeline.add(new Item(++number, line.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (NoSuchFileException e) {
            failures.add(new Failure(Check.E24, ElectionRecordFiles.BOARD, "there is no board.jsonl to compare with the record"));
        } catch (IOException e) {
            failures.add(new Failure(Check.E24, ElectionRecordFiles.BOARD, "cannot be read: " + e.getMessage()));
        }
        return board;
    }

    /** Keeps entry {@code index} if it is a ballot entry of the election (§11.7); a malformed one fails check 25. */
    private static void ballotEntry(long index, byte[] bytes, String electionId, Form form, Part part) {
        JsonNode node;
        try {
            node = form.parse(bytes);
        } catch (InvalidEntryException notJson) {
            return; // check 22 names it
        }
        String type = node.path("type").asText("");
        if (!type.equals(CAST_TYPE) && !type.equals(CHALLENGED_TYPE)) {
            return;
        }
        String where = "record entry " + index;
        JsonNode election = node.path("body").path("election");
        if (!election.isTextual()) {
            part.failures().add(new Failure(Check.E25, where, "a " + type + " entry that names no election (body.election)"));
            return;
        }
        if (!election.asText().equals(electionId)) {
            return;
        }
        JsonNode entry = node.path("body").path("entry");
        if (!entry.isObject()) {
            part.failures().add(new Failure(Check.E25, where, "the " + type + " entry of election '" + electionId
                    + "' holds no board entry (body.entry is not a JSON object)"));
            return;
        }
        String kind = entry.path("kind").asText("");
        if (!kind.equals(type.equals(CAST_TYPE) ? "cast" : "challenged")) {
            part.failures().add(new Failure(Check.E25, where, "a " + type + " entry of election '" + electionId
                    + "' holding a board entry of kind \"" + kind + "\""));
            return;
        }
        try {
            part.entries().add(digest(form.bytes(entry)), trackingCode(entry), index);
        } catch (InvalidEntryException notIJson) {
            part.failures().add(new Failure(Check.E25, where, "the board entry of this " + type + " entry of election '"
                    + electionId + "' is not I-JSON: " + notIJson.getMessage()));
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] trackingCode(JsonNode entry) {
        String hex = entry.path("trackingCode").asText("");
        try {
            return hex.length() == 64 ? HexFormat.of().parseHex(hex) : null;
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private record Item(long position, byte[] bytes) {
    }

    private record Part(Entries entries, List<Failure> failures) {
    }

    /**
     * Processes items in chunks on worker threads and hands the results to {@code sink} in submission order, with a
     * bounded number of chunks in flight. Not thread-safe: one producer.
     */
    private static final class Pipeline<T> implements AutoCloseable {
        private final ExecutorService pool;
        private final int inFlight;
        private final Function<List<T>, Part> work;
        private final java.util.function.Consumer<Part> sink;
        private final ArrayDeque<Future<Part>> pending = new ArrayDeque<>();
        private List<T> chunk = new ArrayList<>(CHUNK);

        Pipeline(int threads, Function<List<T>, Part> work, java.util.function.Consumer<Part> sink) {
            this.pool = Executors.newFixedThreadPool(Math.max(1, threads));
            this.inFlight = Math.max(1, threads) * 2;
            this.work = work;
            this.sink = sink;
        }

        void add(T item) {
            chunk.add(item);
            if (chunk.size() == CHUNK) {
                submit();
            }
        }

        private void submit() {
            List<T> items = chunk;
            chunk = new ArrayList<>(CHUNK);
            pending.add(pool.submit(() -> work.apply(items)));
            while (pending.size() > inFlight) {
                drainOne();
            }
        }

        private void drainOne() {
            try {
                sink.accept(pending.poll().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("verification failed unexpectedly: " + e.getCause(), e.getCause());
            }
        }

        @Override
        public void close() {
            try {
                if (!chunk.isEmpty()) {
                    submit();
                }
                while (!pending.isEmpty()) {
                    drainOne();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A compact list of board entries: the SHA-256 of each one's JSON in one form, its tracking code and its position
     * (a board line number, or a record index). Not thread-safe.
     */
    static final class Entries {
        private static final int DIGEST = 32;
        private byte[] digests = new byte[DIGEST * 64];
        private byte[] codes = new byte[DIGEST * 64];
        private boolean[] missing = new boolean[64];
        private boolean[] coded = new boolean[64];
        private long[] positions = new long[64];
        private int size;

        void add(byte[] digest, byte[] code, long position) {
            if (size == positions.length) {
                int capacity = size * 2;
                digests = Arrays.copyOf(digests, capacity * DIGEST);
                codes = Arrays.copyOf(codes, capacity * DIGEST);
                missing = Arrays.copyOf(missing, capacity);
                coded = Arrays.copyOf(coded, capacity);
                positions = Arrays.copyOf(positions, capacity);
            }
            if (digest != null) {
                System.arraycopy(digest, 0, digests, size * DIGEST, DIGEST);
            }
            if (code != null) {
                System.arraycopy(code, 0, codes, size * DIGEST, DIGEST);
            }
            missing[size] = digest == null;
            coded[size] = code != null;
            positions[size] = position;
            size++;
        }

        void addAll(Entries other) {
            for (int i = 0; i < other.size; i++) {
                add(other.digest(i), other.coded[i] ? Arrays.copyOfRange(other.codes, i * DIGEST, (i + 1) * DIGEST) : null,
                        other.positions[i]);
            }
        }

        int size() {
            return size;
        }

        byte[] digest(int i) {
            return missing[i] ? null : Arrays.copyOfRange(digests, i * DIGEST, (i + 1) * DIGEST);
        }

        long position(int i) {
            return positions[i];
        }

        String codeText(int i) {
            byte[] code = Arrays.copyOfRange(codes, i * DIGEST, (i + 1) * DIGEST);
            return coded[i] ? " with tracking code " + HexFormat.of().formatHex(code) : "";
        }

        /** Whether both hold the same digests in the same order, none missing. */
        boolean sameAs(Entries other) {
            if (size != other.size) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (missing[i] || other.missing[i]) {
                    return false;
                }
            }
            return Arrays.equals(digests, 0, size * DIGEST, other.digests, 0, size * DIGEST);
        }
    }
}
