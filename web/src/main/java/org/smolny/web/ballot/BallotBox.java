package org.smolny.web.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
import org.smolny.record.store.Appended;
import org.smolny.record.store.RecordStore;

/**
 * The ballot box of one open election, kept on the public record: every ballot cast or challenged becomes a record
 * entry ({@value #CAST_TYPE} or {@value #CHALLENGED_TYPE}) whose body holds the election id and the board entry in the
 * format of ballot spec §10.4. A ballot is accepted only if the {@code ballot} module's board accepts it (credential on
 * the list, shape, signature, every proof, not already on the board, ballot spec §7.4), and acknowledged only once it
 * is durably on the record (the board's {@link BoardSink}); a refused ballot writes nothing. On start the board is
 * replayed from the record, so the tracking codes continue the same chain.
 *
 * <p>Thread-safe: the board serialises its appends, so the board order is the record order.
 */
public final class BallotBox implements AutoCloseable {

    /** The record entry type of a cast ballot. */
    public static final String CAST_TYPE = "ballot.cast";
    /** The record entry type of a challenged (opened, never counted) ballot. */
    public static final String CHALLENGED_TYPE = "ballot.challenged";

    /** Most ballots cast together (verified in one batch, appended to the record in one go). */
    static final int MAX_BATCH = 100;
    /** How long the first ballot of a batch waits for others submitted at the same time. */
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

    /**
     * Opens the box of {@code election} on {@code record}, replaying the ballots already there. Ballots cast at the
     * same time are batched ({@link BallotIntake}: up to {@value #MAX_BATCH}, waiting at most 20 ms, two dispatchers);
     * close the box to stop its dispatchers.
     */
    public BallotBox(OpenElection election, RecordStore record, String organisation, Clock clock) {
        this.election = Objects.requireNonNull(election, "election");
        this.record = Objects.requireNonNull(record, "record");
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.board = new BallotBoard(election.proofContext(), election.manifest(), election.key(), election.credentials(), sink);
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

    /** The board entries in board order. */
    public List<BoardEntry> entries() {
        return board.entries();
    }

    /** How many entries the board holds. */
    public int size() {
        return sink.size();
    }

    /** The position (from 0) of the entry with this tracking code, if it is on the board. */
    public Optional<Integer> find(TrackingCode code) {
        return sink.position(code);
    }

    /** Stops the dispatchers that cast batched ballots; ballots still waiting are cast first. */
    @Override
    public void close() {
        intake.close();
    }

    /**
     * Writes the board as {@code board.jsonl} into the election record directory (ballot spec §10.4), for
     * {@code smolny election tally} and the independent verifier ({@code smolny verify election DIR}).
     */
    public void writeBoard(ElectionRecordFiles files) {
        files.writeBoard(entries());
    }

    /** A board entry as JSON (ballot spec §10.4), as published. */
    public ObjectNode entryJson(BoardEntry entry) {
        return codec.boardEntry(entry);
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
        private final List<TrackingCode> codes = new ArrayList<>();
        private final Map<TrackingCode, Integer> positions = new HashMap<>();

        @Override
        public void append(List<BoardEntry> entries) {
            if (live) {
                List<CompletableFuture<Appended>> appended = entries.stream().map(e -> record.append(envelope(e))).toList();
                appended.forEach(CompletableFuture::join);
            }
            synchronized (this) {
                for (BoardEntry e : entries) {
                    positions.put(e.trackingCode(), codes.size());
                    codes.add(e.trackingCode());
                }
            }
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
            for (Entry stored : record.entries(from, (int) Math.min(REPLAY_PAGE, size - from))) {
                JsonNode node = readTree(stored.json());
                String type = node.path("type").asText("");
                if (!(type.equals(CAST_TYPE) || type.equals(CHALLENGED_TYPE))
                        || !election.id().equals(node.path("body").path("election").asText())) {
                    continue;
                }
                JsonReader reader = RecordCodec.root(node.path("body").path("entry"), "record entry of election " + election.id());
                switch (codec.boardEntry(reader)) {
                    case BoardEntry.Cast cast -> casts.add(cast);
                    case BoardEntry.Challenged challenged -> {
                        replayCasts(casts);
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
}
