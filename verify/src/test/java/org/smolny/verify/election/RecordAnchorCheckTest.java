package org.smolny.verify.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.simulate.ElectionSimulator;
import org.smolny.ballot.simulate.SimulationParameters;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.tiles.TilePaths;

/**
 * Checks 22–27 (ballot spec §11.7): the board of a simulated election against a real public record (SQLite store,
 * signed checkpoint, tlog-tiles export) on which its ballots sit among other acts and another election's ballots.
 */
class RecordAnchorCheckTest {
    private static ElectionSimulator.Simulation election;
    private static ElectionSimulator.Simulation neighbour;

    @TempDir
    Path dir;

    @BeforeAll
    static void holdElections() {
        SecureRandom random = new SecureRandom();
        election = ElectionSimulator.simulate(new SimulationParameters(8, 2, 3, 2, 1, 1, 1, 2), random);
        neighbour = ElectionSimulator.simulate(ElectionSimulator.yesNoManifest("branch-7-strike", 1,
                election.manifest().trustees()), SimulationParameters.of(3, 1, 3, 2), random);
    }

    private String id() {
        return election.manifest().electionId();
    }

    private List<BoardEntry> board() {
        return new ArrayList<>(election.board());
    }

    /** The election record in {@code dir/election}, a record with the given board entries on it, exported. */
    private Path electionDir() {
        Path electionDir = dir.resolve("election");
        ElectionSimulator.write(election, new ElectionRecordFiles(electionDir, P256Group.instance()));
        return electionDir;
    }

    private PublicRecord record() throws Exception {
        return new PublicRecord(Files.createDirectories(dir.resolve("data")));
    }

    /** The honest record: acts, this election's ballots and a neighbouring election's, checkpointed after the last ballot. */
    private PublicRecord honestRecord() throws Exception {
        return record().act().ballots(neighbour.manifest().electionId(), neighbour.board().subList(0, 2))
                .ballots(id(), board()).ballots(neighbour.manifest().electionId(), neighbour.board().subList(2, 3)).act();
    }

    private VerificationReport verify(Path electionDir, RecordAnchor anchor) {
        return ElectionVerifier.verify(electionDir, new ElectionVerifier.Options(ElectionVerifier.Mode.BATCH, 2, 4,
                List.of()), anchor);
    }

    private static List<Failure> recordFailures(VerificationReport report) {
        return report.failures().stream().filter(f -> RecordAnchorCheck.CHECKS.contains(f.check())).toList();
    }

    @Test
    void an_honest_board_on_a_checkpointed_record_passes_every_check() throws Exception {
        Path electionDir = electionDir();
        PublicRecord record = honestRecord().checkpoint();
        VerifierKey logKey = record.logKey();
        Path export = record.export(dir.resolve("export"));

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKey));

        assertThat(report.failures()).isEmpty();
        assertThat(report.notRun()).containsOnlyKeys(Check.E23);
        assertThat(report.render()).contains("ok   check 24", "ok   check 27", "--   check 23", "VALID");
    }

    @Test
    void without_the_record_export_checks_22_to_27_are_reported_as_not_run_and_the_record_stays_valid() {
        Path electionDir = electionDir();
        VerificationReport report = ElectionVerifier.verify(electionDir);
        assertThat(report.valid()).isTrue();
        assertThat(report.notRun().keySet()).containsExactlyElementsOf(RecordAnchorCheck.CHECKS);
        assertThat(report.render()).contains("--   check 22: the public record's export verifies from scratch and its"
                + " checkpoints carry the log's signature (not run: no record export given (--record))");
    }

    @Test
    void a_ballot_on_the_record_left_out_of_the_board_fails_check_25_at_its_record_entry() throws Exception {
        Path electionDir = electionDir();
        Path export = honestRecord().checkpoint().export(dir.resolve("export"));
        List<BoardEntry> board = board();
        BoardEntry dropped = board.remove(3);
        new ElectionRecordFiles(electionDir, P256Group.instance()).writeBoard(board);

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKeyOf(export)));

        // entries: act, (act, ballot) x2 of the neighbour, then (act, ballot) per board entry: ballot 4 is at 5 + 2*3 + 1
        assertThat(recordFailures(report)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.E25);
            assertThat(f.where()).isEqualTo("record entry 12");
            assertThat(f.detail()).contains(dropped.trackingCode().hex());
        });
    }

    @Test
    void a_board_entry_that_is_not_on_the_record_fails_check_24_at_its_line() throws Exception {
        Path electionDir = electionDir();
        List<BoardEntry> onRecord = board();
        onRecord.remove(2);
        Path export = record().ballots(id(), onRecord).checkpoint().export(dir.resolve("export"));

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKeyOf(export)));

        assertThat(recordFailures(report)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.E24);
            assertThat(f.where()).isEqualTo("board.jsonl line 3");
        });
    }

    @Test
    void ballots_of_the_election_recorded_under_another_election_id_are_not_its_board() throws Exception {
        Path electionDir = electionDir();
        Path export = record().ballots("another-election", board()).checkpoint().export(dir.resolve("export"));

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKeyOf(export)));

        assertThat(report.failures()).filteredOn(f -> f.check() == Check.E24).hasSize(election.board().size());
        assertThat(report.failedChecks()).contains(Check.E27);
        assertThat(verify(electionDir, RecordAnchor.of(export, logKeyOf(export)).forElection("another-election")).failures())
                .as("with --election naming the id it was recorded under").isEmpty();
    }

    @Test
    void a_board_in_another_order_than_the_record_fails_check_26_once_per_moved_line() throws Exception {
        Path electionDir = electionDir();
        Path export = honestRecord().checkpoint().export(dir.resolve("export"));
        List<String> lines = new ArrayList<>(Files.readAllLines(electionDir.resolve(ElectionRecordFiles.BOARD)));
        Collections.swap(lines, 1, 2);
        Files.write(electionDir.resolve(ElectionRecordFiles.BOARD), lines, StandardCharsets.UTF_8);

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKeyOf(export)));

        assertThat(recordFailures(report)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.E26);
            assertThat(f.where()).isIn("board.jsonl line 2", "board.jsonl line 3");
        });
    }

    @Test
    void a_board_line_written_with_other_spacing_and_escapes_is_the_same_board_entry() throws Exception {
        Path electionDir = electionDir();
        Path export = honestRecord().checkpoint().export(dir.resolve("export"));
        Path boardFile = electionDir.resolve(ElectionRecordFiles.BOARD);
        List<String> lines = new ArrayList<>(Files.readAllLines(boardFile));
        lines.set(0, " " + lines.get(0).replace("\":\"", "\" : \"").replace("\"kind\"", "\"\\u006bind\"") + " ");
        Files.write(boardFile, lines, StandardCharsets.UTF_8);

        assertThat(recordFailures(verify(electionDir, RecordAnchor.of(export, logKeyOf(export))))).isEmpty();
    }

    @Test
    void a_board_line_jackson_cannot_read_a_number_of_is_reported_not_a_crash() throws Exception {
        Path electionDir = electionDir();
        Path export = honestRecord().checkpoint().export(dir.resolve("export"));
        Path boardFile = electionDir.resolve(ElectionRecordFiles.BOARD);
        List<String> lines = new ArrayList<>(Files.readAllLines(boardFile));
        lines.set(0, "{\"kind\":\"cast\",\"weight\":6e60000000000000000000000000001841}");
        Files.write(boardFile, lines, StandardCharsets.UTF_8);

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKeyOf(export)));

        assertThat(report.failures()).filteredOn(f -> f.check() == Check.E24).singleElement()
                .satisfies(f -> assertThat(f.where()).isEqualTo("board.jsonl line 1"));
        assertThat(report.failedChecks()).contains(Check.E25);
    }

    @Test
    void a_checkpoint_with_a_bad_signature_fails_check_22() throws Exception {
        Path electionDir = electionDir();
        Path export = honestRecord().checkpoint().export(dir.resolve("export"));
        Path checkpoint = export.resolve(TilePaths.CHECKPOINT);
        String note = Files.readString(checkpoint, StandardCharsets.UTF_8);
        int signature = note.indexOf("\u2014 ") + 2 + PublicRecord.ORIGIN.length() + 1 + 10;
        char flipped = note.charAt(signature) == 'A' ? 'B' : 'A';
        Files.writeString(checkpoint, note.substring(0, signature) + flipped + note.substring(signature + 1), StandardCharsets.UTF_8);

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKeyOf(export)));

        assertThat(report.failedChecks()).contains(Check.E22);
        assertThat(report.failures()).filteredOn(f -> f.check() == Check.E22)
                .anySatisfy(f -> assertThat(f.detail()).contains("signature"));
    }

    @Test
    void a_checkpoint_signed_by_another_key_than_the_log_key_given_fails_check_22() throws Exception {
        Path electionDir = electionDir();
        Path export = honestRecord().checkpoint().export(dir.resolve("export"));
        VerifierKey someoneElse = new PublicRecord(Files.createDirectories(dir.resolve("other-log"))).logKey();

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, someoneElse));

        assertThat(report.failedChecks()).contains(Check.E22).doesNotContain(Check.E24, Check.E25, Check.E26, Check.E27);
    }

    @Test
    void a_record_export_whose_checkpoint_ends_before_the_last_ballot_fails_checks_24_and_27() throws Exception {
        Path electionDir = electionDir();
        List<BoardEntry> board = board();
        PublicRecord record = record().ballots(id(), board.subList(0, board.size() - 1)).checkpoint();
        Path export = record.ballots(id(), board.subList(board.size() - 1, board.size())).export(dir.resolve("export"));

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKeyOf(export)));

        String last = "board.jsonl line " + board.size();
        assertThat(report.failures()).filteredOn(f -> f.check() == Check.E24).singleElement()
                .satisfies(f -> assertThat(f.where()).isEqualTo(last));
        assertThat(report.failures()).filteredOn(f -> f.check() == Check.E27).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo(last);
            assertThat(f.detail()).contains("checkpoint was signed before them");
        });
    }

    @Test
    void a_record_entry_whose_type_disagrees_with_its_board_entry_fails_check_25() throws Exception {
        Path electionDir = electionDir();
        List<BoardEntry> board = board();
        RecordCodec codec = new RecordCodec(P256Group.instance());
        PublicRecord record = record().ballots(id(), board);
        BoardEntry cast = board.stream().filter(e -> e instanceof BoardEntry.Cast).findFirst().orElseThrow();
        record.append(PublicRecord.ballot(id(), "ballot.challenged", codec.boardEntry(cast)));
        Path export = record.checkpoint().export(dir.resolve("export"));

        VerificationReport report = verify(electionDir, RecordAnchor.of(export, logKeyOf(export)));

        assertThat(recordFailures(report)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.E25);
            assertThat(f.where()).isEqualTo("record entry " + 2 * board.size());
            assertThat(f.detail()).contains("kind \"cast\"");
        });
    }

    @Test
    void a_checkpoint_cosigned_by_fewer_witnesses_than_the_threshold_fails_check_23() throws Exception {
        Path electionDir = electionDir();
        PublicRecord record = honestRecord();
        VerifierKey first = record.witness("witness-a.example");
        VerifierKey second = record.witness("witness-b.example");
        VerifierKey absent = new PublicRecord(Files.createDirectories(dir.resolve("absent"))).logKey();
        VerifierKey absentWitness = org.smolny.record.note.SignerKey.generate("witness-c.example",
                org.smolny.record.note.KeyType.COSIGNATURE_V1).verifierKey();
        Path export = record.checkpoint().export(dir.resolve("export"));
        RecordAnchor anchor = RecordAnchor.of(export, logKeyOf(export));

        assertThat(verify(electionDir, anchor.withWitnesses(List.of(first, second), 2)).failures()).isEmpty();
        assertThat(verify(electionDir, anchor.withWitnesses(List.of(first, second, absentWitness), 2)).failures()).isEmpty();
        VerificationReport short1 = verify(electionDir, anchor.withWitnesses(List.of(first, absentWitness), 2));
        assertThat(recordFailures(short1)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.E23);
            assertThat(f.detail()).contains("cosigned by 1 of the 2", "witness-c.example");
        });
        assertThat(absent).isNotEqualTo(first);
    }

    private static VerifierKey logKeyOf(Path export) throws Exception {
        return org.smolny.record.LogKey.readPublic(export.getParent().resolve("data").resolve("keys").resolve("log.pub"));
    }
}
