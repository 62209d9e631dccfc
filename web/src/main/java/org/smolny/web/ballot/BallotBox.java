package org.smolny.web.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * <p>Thread-safe: submissions are serialised, so the board order is the record order.
 */
public final class BallotBox {

    /** The record entry type of a cast ballot. */
    public static final String CAST_TYPE = "ballot.cast";
    /** The record entry type of a challenged (opened, never counted) ballot. */
    public static final String CHALLENGED_TYPE = "ballot.challenged";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLAY_PAGE = 500;

    private final OpenElection election;
    private final RecordStore record;
    private final String organisation;
    private final Clock clock;
    private final RecordCodec codec = new RecordCodec(P256Group.instance());
    private final RecordSink sink = new RecordSink();
    private final BallotBoard board;

    /** Opens the box of {@code election} on {@code record}, replaying the ballots already there. */
    public BallotBox(OpenElection election, RecordStore record, String organisation, Clock clock) {
        this.election = Objects.requireNonNull(election, "election");
        this.record = Objects.requireNonNull(record, "record");
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.board = new BallotBoard(election.proofContext(), election.manifest(), election.key(), election.credentials(), sink);
        replay();
        sink.live = true;
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

    /** Casts a ballot given as JSON (ballot spec §10.4 "ballot"). */
    public synchronized Outcome cast(JsonNode ballotJson) {
        EncryptedBallot ballot;
        try {
            ballot = codec.ballot(RecordCodec.root(ballotJson, "ballot"));
        } catch (IllegalArgumentException e) { // RecordFormatException included
            return new Outcome.Rejected(e.getMessage());
        }
        return submit(board.cast(ballot));
    }

    /** Publishes a challenged ballot with its opening (ballot spec §7.3): the ballot and the "reveal" of §10.4. */
    public synchronized Outcome challenge(JsonNode ballotJson, JsonNode revealJson) {
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
        return submit(board.challenge(ballot, reveal));
    }

    private Outcome submit(Submission submission) {
        return switch (submission) {
            case Submission.Rejected rejected -> new Outcome.Rejected(rejected.reason());
            case Submission.Accepted accepted -> {
                List<BoardEntry> entries = board.entries();
                TrackingCode previous = entries.size() == 1
                        ? TrackingCode.start(election.manifest().hash())
                        : entries.get(entries.size() - 2).trackingCode();
                yield new Outcome.Accepted(accepted.trackingCode(), previous, entries.size() - 1);
            }
        };
    }

    /** The board entries in board order. */
    public synchronized List<BoardEntry> entries() {
        return board.entries();
    }

    /** The position (from 0) of the entry with this tracking code, if it is on the board. */
    public synchronized Optional<Integer> find(TrackingCode code) {
        List<BoardEntry> entries = board.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).trackingCode().equals(code)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
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
     * module's {@link BoardSink}); while the board is replayed from the record, it writes nothing.
     */
    private final class RecordSink implements BoardSink {
        private volatile boolean live;

        @Override
        public void append(List<BoardEntry> entries) {
            if (!live) {
                return;
            }
            List<CompletableFuture<Appended>> appended = entries.stream().map(e -> record.append(envelope(e))).toList();
            appended.forEach(CompletableFuture::join);
        }
    }

    private void replay() {
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
                BoardEntry entry = codec.boardEntry(reader);
                Submission result = switch (entry) {
                    case BoardEntry.Cast cast -> board.cast(cast.ballot());
                    case BoardEntry.Challenged challenged -> board.challenge(challenged.ballot(), challenged.reveal());
                };
                if (!(result instanceof Submission.Accepted accepted) || !accepted.trackingCode().equals(entry.trackingCode())) {
                    throw new IllegalStateException("The record holds a " + type + " entry of election " + election.id()
                            + " that the board does not accept as it stands (tracking code " + entry.trackingCode() + "): "
                            + (result instanceof Submission.Rejected rejected ? rejected.reason() : "the tracking code differs"));
                }
            }
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
