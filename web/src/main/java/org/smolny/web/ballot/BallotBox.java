package org.smolny.web.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smolny.ballot.encrypt.BallotReveal;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.JsonReader;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.BallotIntake;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.BoardSink;
import org.smolny.ballot.tally.Submission;
import org.smolny.ballot.tally.TrackingCode;
import org.smolny.record.json.Entry;
import org.smolny.record.store.RecordStore;

/**
 * The ballot box of one open election, kept on the public record: every ballot cast or challenged becomes a record
 * entry ({@value #CAST_TYPE} or {@value #CHALLENGED_TYPE}) whose body holds the election id and the board entry in the
 * format of ballot spec §10.4. A ballot is accepted only if the {@code ballot} module's board accepts it (credential on
 * the list, shape, signature, every proof, not already on the board, ballot spec §7.4), and acknowledged only once it
 * is durably on the record (the board's {@link BoardSink}); a refused ballot writes nothing. The ballots of one batch
 * go on the record in one transaction: all of them or none. On start the board is replayed from the record, so the
 * tracking codes continue the same chain.
 *
 * <p>The record is the only place the entries are kept: the box holds, per board position, the entry's index on the
 * record and its tracking code (for the voters' look-ups), and reads the entries back from the record for the board
 * pages, the API and the board export ({@link #writeBoard(OutputStream)}: {@code board.jsonl}, ballot spec §10.4, live).
 *
 * <p>Thread-safe: the board serialises its appends, so the board order is the record order.
 */
public final class BallotBox implements AutoCloseable {

    /** The record entry type of a cast ballot. */
    public static final String CAST_TYPE = "ballot.cast";
    /** The record entry type of a challenged (opened, never counted) ballot. */
    public static final String CHALLENGED_TYPE = "ballot.challenged";

    /**
     * Most ballots cast together (verified in one batch, appended to the record in one transaction). Batches reach it
     * only under heavy load, when ballots pile up while the previous batch is verified.
     */
    static final int MAX_BATCH = 400;
    /** How long a ballot waits at most for others to share its batch (when the dispatchers are idle). */
    static final Duration MAX_WAIT = Duration.ofMillis(20);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLAY_PAGE = 500;

    private final OpenElection election;
    private final RecordStore record;
    private final String organisation;
    private final Clock clock;
    private final RecordCodec codec = new RecordCodec(P256Group.instance());
    private final RecordSink sink = new RecordSink();
    private final BallotBoard board;
    private final BallotIntake intake;
    /** What precedes the board entry in the canonical JSON of this election's record entries. */
    private final byte[] entryPrefix;

    /**
     * Opens the box of {@code election} on {@code record}, replaying the ballots already there. Ballots cast at the
     * same time are batched ({@link BallotIntake}: up to {@value #MAX_BATCH}, a ballot waiting at most 20 ms for company,
     * two dispatchers);
     * close the box to stop its dispatchers.
     */
    public BallotBox(OpenElection election, RecordStore record, String organisation, Clock clock) {
        this.election = Objects.requireNonNull(election, "election");
        this.record = Objects.requireNonNull(record, "record");
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.clock = Objects.requireNonNull(clock, "clock");
        // the election id is 1-64 of a-z, 0-9 and '-' (OpenElection), so it needs no escaping in JSON
        this.entryPrefix = ("\"body\":{\"election\":\"" + election.id() + "\",\"entry\":").getBytes(StandardCharsets.US_ASCII);
        this.board = BallotBoard.keepingEntriesInSink(election.proofContext(), election.manifest(), election.key(),
                election.credentials(), sink);
        replay();
        sink.live = true;
        this.intake = new BallotIntake(board, MAX_BATCH, MAX_WAIT, 2);
    }

    public OpenElection election() {
        return election;
    }

    /** The result of a submission. */
    public sealed interface Outcome {
        /** On the board and on the record: the ballot's tracking code, the code before it, and its board position (from 0). */
        record Accepted(TrackingCode trackingCode, TrackingCode previous, int position) implements Outcome {
        }

        /** Refused: nothing was written. */
        record Rejected(String reason) implements Outcome {
        }
    }

    /**
     * Casts a ballot given as JSON (ballot spec §10.4 "ballot"); returns once it is durably on the record, or refused.
     *
     * @throws java.util.concurrent.CompletionException if the record could not store it (then it is not on the board)
     */
    public Outcome cast(JsonNode ballotJson) {
        EncryptedBallot ballot;
        try {
            ballot = codec.ballot(RecordCodec.root(ballotJson, "ballot"));
        } catch (IllegalArgumentException e) { // RecordFormatException included
            return new Outcome.Rejected(e.getMessage());
        }
        return outcome(intake.submit(ballot).join());
    }

    /** Publishes a challenged ballot with its opening (ballot spec §7.3): the ballot and the "reveal" of §10.4. */
    public Outcome challenge(JsonNode ballotJson, JsonNode revealJson) {
        EncryptedBallot ballot;
        BallotReveal reveal;
        try {
            ballot = codec.ballot(RecordCodec.root(ballotJson, "ballot"));
            ObjectNode entry = JSON.createObjectNode();
            entry.put("kind", "challenged");
            entry.set("ballot", ballotJson);
            entry.set("reveal", revealJson);
            entry.put("trackingCode", "00".repeat(32));
            reveal = ((BoardEntry.Challenged) codec.boardEntry(RecordCodec.root(entry, "challenge"))).reveal();
        } catch (IllegalArgumentException e) { // RecordFormatException included
            return new Outcome.Rejected(e.getMessage());
        }
        return outcome(board.challenge(ballot, reveal));
    }

    private Outcome outcome(Submission submission) {
        return switch (submission) {
            case Submission.Rejected rejected -> new Outcome.Rejected(rejected.reason());
            case Submission.Accepted accepted -> {
                int position = sink.position(accepted.trackingCode()).orElseThrow();
                yield new Outcome.Accepted(accepted.trackingCode(), sink.previous(position), position);
            }
        };
    }

    /** How many entries the board holds. */
    public int size() {
        return sink.size();
    }

    /** The position (from 0) of the entry with this tracking code, if it is on the board. */
    public Optional<Integer> find(TrackingCode code) {
        return sink.position(code);
    }

    /**
     * The board entries at positions {@code from} to {@code from + count − 1} (fewer at the end of the board), each as
     * its RFC 8785 canonical JSON (ballot spec §10.4), read from the record.
     */
    public List<byte[]> entries(int from, int count) {
        if (from < 0 || count < 0) {
            throw new IllegalArgumentException("no board entries from " + from + " count " + count);
        }
        long[] indices = sink.recordIndices(from, count);
        List<byte[]> out = new ArrayList<>(indices.length);
        int run = 0;
        while (run < indices.length) {
            int end = run + 1;
            while (end < indices.length && end - run < REPLAY_PAGE && indices[end] == indices[end - 1] + 1) {
                end++;
            }
            List<byte[]> stored = record.rawEntries(indices[run], end - run);
            if (stored.size() != end - run) {
                throw new IllegalStateException("the record lacks entries " + indices[run] + " to " + indices[end - 1]
                        + " of the board of election " + election.id());
            }
            for (int i = 0; i < stored.size(); i++) {
                out.add(boardEntryOf(stored.get(i), indices[run + i]));
            }
            run = end;
        }
        return out;
    }

    /** The board entries at positions {@code from} to {@code from + count − 1} as JSON trees (ballot spec §10.4). */
    public List<JsonNode> entriesJson(int from, int count) {
        return entries(from, count).stream().map(BallotBox::readTree).toList();
    }

    /**
     * Writes the board as it stands now, {@code board.jsonl} (ballot spec §10.4): one line per entry, in board order,
     * each the RFC 8785 canonical JSON of the entry's {@code body.entry} on the record, so each line is byte for byte
     * the board entry the record holds (ballot spec §11.7, E24–E25). Returns the number of entries written. Entries
     * cast while it writes are left for the next export.
     */
    public int writeBoard(OutputStream out) throws IOException {
        int size = size();
        writeBoard(out, size);
        return size;
    }

    /** Writes the first {@code size} entries of the board (at most {@link #size()}) as {@code board.jsonl}. */
    public void writeBoard(OutputStream out, int size) throws IOException {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("the board has " + size() + " entries, not " + size);
        }
        for (int from = 0; from < size; from += REPLAY_PAGE) {
            for (byte[] line : entries(from, Math.min(REPLAY_PAGE, size - from))) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    // The canonical envelope is {"at":…,"body":{"election":"<id>","entry":<entry>},"by":…}: members sorted, so the
    // entry is the last member of body, and its canonical bytes are exactly the canonical form of body.entry alone.
    private byte[] boardEntryOf(byte[] envelope, long index) {
        byte[] prefix = entryPrefix;
        int start = indexOf(envelope, prefix);
        int end = start < 0 ? -1 : endOfValue(envelope, start + prefix.length);
        if (end < 0 || end >= envelope.length || envelope[end] != '}') {
            throw new IllegalStateException("record entry " + index + " is not a board entry of election " + election.id());
        }
        return Arrays.copyOfRange(envelope, start + prefix.length, end);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The index just after the JSON object or array starting at {@code start} (strings and escapes skipped), or -1. */
    private static int endOfValue(byte[] json, int start) {
        if (start >= json.length || (json[start] != '{' && json[start] != '[')) {
            return -1;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** Stops the dispatchers that cast batched ballots; ballots still waiting are cast first. */
    @Override
    public void close() {
        intake.close();
    }

    /**
     * Writes the board as {@code board.jsonl} into the election record directory (ballot spec §10.4), for
     * {@code smolny election tally} and the independent verifier ({@code smolny verify election DIR}): first beside
     * it, then moved in place, so a reader never sees half a file.
     */
    public void writeBoard(Path electionDirectory) {
        Path target = electionDirectory.resolve(ElectionRecordFiles.BOARD);
        Path aside = electionDirectory.resolve("." + ElectionRecordFiles.BOARD + ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(aside), 1 << 16)) {
                writeBoard(out);
            }
            Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private Entry envelope(BoardEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", 1);
        node.put("type", entry instanceof BoardEntry.Cast ? CAST_TYPE : CHALLENGED_TYPE);
        node.put("org", organisation);
        node.putNull("unit");
        node.put("at", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        node.putNull("by");
        ObjectNode body = node.putObject("body");
        body.put("election", election.id());
        body.set("entry", codec.boardEntry(entry));
        return Entry.of(node);
    }

    /**
     * Makes the board's accepted entries durable on the record before the board acknowledges them (the {@code ballot}
     * module's {@link BoardSink}); while the board is replayed from the record, it writes nothing. It also indexes the
     * tracking codes, in board order, for the voters' look-ups. Called by the board under its lock, in board order.
     */
    private final class RecordSink implements BoardSink {
        private volatile boolean live;
        /** While replaying: the record indices of the entries being replayed, in order. */
        private final java.util.ArrayDeque<Long> replayed = new java.util.ArrayDeque<>();
        private final List<TrackingCode> codes = new ArrayList<>();
        private final Map<TrackingCode, Integer> positions = new HashMap<>();
        private long[] recordIndex = new long[1024];

        @Override
        public void append(List<BoardEntry> entries) {
            if (entries.isEmpty()) {
                return;
            }
            long[] indices;
            if (live) {
                List<Entry> envelopes = entries.stream().map(BallotBox.this::envelope).toList();
                // one submission: the whole batch commits in one transaction, or none of it
                indices = record.submit(transaction -> {
                    long[] at = new long[envelopes.size()];
                    for (int i = 0; i < at.length; i++) {
                        at[i] = transaction.append(envelopes.get(i));
                    }
                    return at;
                }).join();
            } else {
                indices = new long[entries.size()];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = replayed.removeFirst();
                }
            }
            synchronized (this) {
                for (int i = 0; i < entries.size(); i++) {
                    TrackingCode code = entries.get(i).trackingCode();
                    if (codes.size() == recordIndex.length) {
                        recordIndex = Arrays.copyOf(recordIndex, recordIndex.length * 2);
                    }
                    recordIndex[codes.size()] = indices[i];
                    positions.put(code, codes.size());
                    codes.add(code);
                }
            }
        }

        synchronized long[] recordIndices(int from, int count) {
            int to = (int) Math.min(codes.size(), (long) from + count);
            return from >= to ? new long[0] : Arrays.copyOfRange(recordIndex, from, to);
        }

        synchronized Optional<Integer> position(TrackingCode code) {
            return Optional.ofNullable(positions.get(code));
        }

        synchronized TrackingCode previous(int position) {
            return position == 0 ? TrackingCode.start(election.manifest().hash()) : codes.get(position - 1);
        }

        synchronized int size() {
            return codes.size();
        }
    }

    private void replay() {
        List<BoardEntry.Cast> casts = new ArrayList<>();
        long size = record.size();
        for (long from = 0; from < size; from += REPLAY_PAGE) {
            List<Entry> page = record.entries(from, (int) Math.min(REPLAY_PAGE, size - from));
            for (int offset = 0; offset < page.size(); offset++) {
                JsonNode node = readTree(page.get(offset).json());
                String type = node.path("type").asText("");
                if (!(type.equals(CAST_TYPE) || type.equals(CHALLENGED_TYPE))
                        || !election.id().equals(node.path("body").path("election").asText())) {
                    continue;
                }
                JsonReader reader = RecordCodec.root(node.path("body").path("entry"), "record entry of election " + election.id());
                switch (codec.boardEntry(reader)) {
                    case BoardEntry.Cast cast -> {
                        casts.add(cast);
                        sink.replayed.addLast(from + offset);
                    }
                    case BoardEntry.Challenged challenged -> {
                        replayCasts(casts);
                        sink.replayed.addLast(from + offset);
                        expectOnBoard(challenged, board.challenge(challenged.ballot(), challenged.reveal()));
                    }
                }
                if (casts.size() == REPLAY_PAGE) {
                    replayCasts(casts);
                }
            }
        }
        replayCasts(casts);
    }

    // Consecutive cast entries are replayed as one batch (their proofs batch-verified), in record order.
    private void replayCasts(List<BoardEntry.Cast> casts) {
        if (casts.isEmpty()) {
            return;
        }
        List<Submission> results = board.castAll(casts.stream().map(BoardEntry.Cast::ballot).toList(), 2);
        for (int i = 0; i < casts.size(); i++) {
            expectOnBoard(casts.get(i), results.get(i));
        }
        casts.clear();
    }

    private void expectOnBoard(BoardEntry entry, Submission result) {
        if (!(result instanceof Submission.Accepted accepted) || !accepted.trackingCode().equals(entry.trackingCode())) {
            throw new IllegalStateException("The record holds a " + (entry instanceof BoardEntry.Cast ? CAST_TYPE : CHALLENGED_TYPE)
                    + " entry of election " + election.id() + " that the board does not accept as it stands (tracking code "
                    + entry.trackingCode() + "): "
                    + (result instanceof Submission.Rejected rejected ? rejected.reason() : "the tracking code differs"));
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A record entry is not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A board entry on the record is not JSON: " + e.getMessage(), e);
        }
    }
}
