package org.smolny.web.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.TrackingCode;
import org.smolny.record.json.Entry;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;

class BallotBoxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private RecordStore open() {
        return RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")));
    }

    @Test
    void a_cast_ballot_goes_on_the_record_as_a_ballot_cast_entry_with_its_chained_tracking_code() throws Exception {
        TestElection test = TestElection.create("branch-2026", 2);
        try (RecordStore record = open()) {
            BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
            BallotEncryptor.Encrypted encrypted = test.encrypt(0, List.of(List.of(0L, 1L, 0L), List.of(1L)));

            BallotBox.Outcome outcome = box.cast(test.json(encrypted.ballot()));

            assertThat(outcome).isInstanceOf(BallotBox.Outcome.Accepted.class);
            BallotBox.Outcome.Accepted accepted = (BallotBox.Outcome.Accepted) outcome;
            TrackingCode first = TrackingCode.start(test.election.manifest().hash());
            assertThat(accepted.previous()).isEqualTo(first);
            assertThat(accepted.trackingCode()).isEqualTo(first.next(encrypted.ballot().hash(test.election.manifest().hash())));
            assertThat(accepted.position()).isZero();
            assertThat(record.size()).isEqualTo(1);
            JsonNode entry = TestElection.JSON.readTree(record.entry(0).json());
            assertThat(entry.path("type").asText()).isEqualTo("ballot.cast");
            assertThat(entry.path("at").asText()).isEqualTo("2026-11-27T10:15:30Z");
            assertThat(entry.path("body").path("election").asText()).isEqualTo("branch-2026");
            assertThat(entry.path("body").path("entry").path("trackingCode").asText()).isEqualTo(accepted.trackingCode().hex());
            assertThat(entry.path("body").path("entry").path("ballot")).isEqualTo(test.json(encrypted.ballot()));
            assertThat(box.find(accepted.trackingCode())).contains(0);
        }
    }

    @Test
    void a_ballot_with_a_changed_ciphertext_is_refused_and_nothing_is_written() {
        TestElection test = TestElection.create("branch-2026", 1);
        try (RecordStore record = open()) {
            BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
            ObjectNode json = test.json(test.encrypt(0, List.of(List.of(1L, 0L, 0L), List.of(0L))).ballot());
            ObjectNode selection = (ObjectNode) json.path("contests").path(0).path("selections").path(0);
            String otherBeta = json.path("contests").path(0).path("selections").path(1).path("beta").asText();
            selection.put("beta", otherBeta);

            BallotBox.Outcome outcome = box.cast(json);

            assertThat(outcome).isInstanceOfSatisfying(BallotBox.Outcome.Rejected.class,
                    rejected -> assertThat(rejected.reason()).containsAnyOf("signature", "proof"));
            assertThat(record.size()).isZero();
            assertThat(box.size()).isZero();
        }
    }

    @Test
    void a_ballot_signed_by_a_credential_not_on_the_list_is_refused() {
        TestElection test = TestElection.create("branch-2026", 1);
        TestElection stranger = TestElection.create("branch-2026", 1);
        try (RecordStore record = open()) {
            BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
            // Same manifest and key are needed for the proofs: encrypt with the election's key but an unlisted credential.
            BallotEncryptor.Encrypted encrypted = BallotEncryptor.encrypt(test.election.proofContext(), test.election.manifest(),
                    test.election.key(), stranger.voters.get(0), List.of(List.of(1L, 0L, 0L), List.of(0L)), TestElection.RANDOM);

            assertThat(box.cast(test.json(encrypted.ballot()))).isInstanceOfSatisfying(BallotBox.Outcome.Rejected.class,
                    rejected -> assertThat(rejected.reason()).contains("not on the published credential list"));
            assertThat(record.size()).isZero();
        }
    }

    @Test
    void malformed_json_is_refused_with_the_path_of_the_bad_field() {
        TestElection test = TestElection.create("branch-2026", 1);
        try (RecordStore record = open()) {
            BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
            ObjectNode json = test.json(test.encrypt(0, List.of(List.of(1L, 0L, 0L), List.of(0L))).ballot());
            ((ObjectNode) json.path("contests").path(1).path("selections").path(0)).put("alpha", "04zz");

            assertThat(box.cast(json)).isInstanceOfSatisfying(BallotBox.Outcome.Rejected.class,
                    rejected -> assertThat(rejected.reason()).contains("ballot.contests[1].selections[0].alpha"));
            assertThat(record.size()).isZero();
        }
    }

    @Test
    void a_challenged_ballot_is_published_with_its_opening_and_a_false_opening_is_refused() {
        TestElection test = TestElection.create("branch-2026", 1);
        try (RecordStore record = open()) {
            BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
            BallotEncryptor.Encrypted encrypted = test.encrypt(0, List.of(List.of(0L, 0L, 1L), List.of(1L)));
            ObjectNode reveal = (ObjectNode) new org.smolny.ballot.record.RecordCodec(TestElection.GROUP)
                    .boardEntry(new BoardEntry.Challenged(encrypted.ballot(), encrypted.opening(), TrackingCode.start(test.election.manifest().hash())))
                    .path("reveal");
            ObjectNode lie = reveal.deepCopy();
            ((com.fasterxml.jackson.databind.node.ArrayNode) lie.path("plaintexts").path(0)).removeAll().add(1).add(0).add(0);

            assertThat(box.challenge(test.json(encrypted.ballot()), lie)).isInstanceOfSatisfying(BallotBox.Outcome.Rejected.class,
                    rejected -> assertThat(rejected.reason()).contains("does not re-encrypt"));
            assertThat(record.size()).isZero();

            assertThat(box.challenge(test.json(encrypted.ballot()), reveal)).isInstanceOf(BallotBox.Outcome.Accepted.class);
            assertThat(record.size()).isEqualTo(1);
            assertThat(Entry.fromCanonical(record.entry(0).bytes()).json()).contains("\"type\":\"ballot.challenged\"", "\"reveal\"");
            assertThat(box.entriesJson(0, 1).getFirst().path("kind").asText()).isEqualTo("challenged");
        }
    }

    @Test
    void a_reopened_box_replays_the_record_and_continues_the_tracking_code_chain() {
        TestElection test = TestElection.create("branch-2026", 2);
        TrackingCode firstCode;
        try (RecordStore record = open()) {
            BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
            firstCode = ((BallotBox.Outcome.Accepted) box.cast(test.json(test.encrypt(0, List.of(List.of(1L, 0L, 0L), List.of(1L))).ballot()))).trackingCode();
        }
        try (RecordStore record = open()) {
            BallotBox reopened = new BallotBox(test.election, record, "Demo Union", CLOCK);
            assertThat(reopened.find(firstCode)).contains(0);
            BallotBox.Outcome second = reopened.cast(test.json(test.encrypt(1, List.of(List.of(0L, 1L, 0L), List.of(0L))).ballot()));
            assertThat(second).isInstanceOfSatisfying(BallotBox.Outcome.Accepted.class, accepted -> {
                assertThat(accepted.previous()).isEqualTo(firstCode);
                assertThat(accepted.position()).isEqualTo(1);
            });
            assertThat(record.size()).isEqualTo(2);
        }
    }

    @Test
    void the_same_ballot_cast_twice_is_refused_the_second_time() {
        TestElection test = TestElection.create("branch-2026", 1);
        try (RecordStore record = open()) {
            BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
            ObjectNode json = test.json(test.encrypt(0, List.of(List.of(1L, 0L, 0L), List.of(0L))).ballot());
            assertThat(box.cast(json)).isInstanceOf(BallotBox.Outcome.Accepted.class);
            assertThat(box.cast(json)).isInstanceOfSatisfying(BallotBox.Outcome.Rejected.class,
                    rejected -> assertThat(rejected.reason()).contains("already on the board"));
            assertThat(record.size()).isEqualTo(1);
        }
    }

    @Test
    void a_ballot_the_record_cannot_store_is_not_acknowledged_and_not_on_the_board() {
        TestElection test = TestElection.create("branch-2026", 1);
        RecordStore record = open();
        BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
        record.close();

        assertThatThrownBy(() -> box.cast(test.json(test.encrypt(0, List.of(List.of(1L, 0L, 0L), List.of(0L))).ballot())))
                .isInstanceOf(RuntimeException.class);
        assertThat(box.size()).isZero();
    }

    @Test
    void ballots_cast_at_the_same_time_are_all_on_the_record_in_one_chain_that_a_reopened_box_replays() throws Exception {
        int voters = 16;
        TestElection test = TestElection.create("branch-2026", voters);
        List<ObjectNode> ballots = new java.util.ArrayList<>();
        for (int v = 0; v < voters; v++) {
            ballots.add(test.json(test.encrypt(v, List.of(List.of(v % 3 == 0 ? 1L : 0L, v % 3 == 1 ? 1L : 0L, v % 3 == 2 ? 1L : 0L), List.of((long) (v % 2)))).ballot()));
        }
        List<BallotBox.Outcome.Accepted> accepted = new java.util.ArrayList<>();
        try (RecordStore record = open(); BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<BallotBox.Outcome>> futures = new java.util.ArrayList<>();
                for (ObjectNode ballot : ballots) {
                    futures.add(pool.submit(() -> box.cast(ballot)));
                }
                for (java.util.concurrent.Future<BallotBox.Outcome> f : futures) {
                    accepted.add((BallotBox.Outcome.Accepted) f.get());
                }
            } finally {
                pool.shutdown();
            }
            assertThat(record.size()).isEqualTo(voters);
            accepted.sort(java.util.Comparator.comparingInt(BallotBox.Outcome.Accepted::position));
            TrackingCode previous = TrackingCode.start(test.election.manifest().hash());
            for (int i = 0; i < voters; i++) {
                assertThat(accepted.get(i).position()).isEqualTo(i);
                assertThat(accepted.get(i).previous()).isEqualTo(previous);
                JsonNode entry = TestElection.JSON.readTree(record.entry(i).json());
                assertThat(entry.path("body").path("entry").path("trackingCode").asText()).isEqualTo(accepted.get(i).trackingCode().hex());
                previous = accepted.get(i).trackingCode();
            }
        }
        try (RecordStore record = open(); BallotBox reopened = new BallotBox(test.election, record, "Demo Union", CLOCK)) {
            assertThat(reopened.size()).isEqualTo(voters);
            for (BallotBox.Outcome.Accepted a : accepted) {
                assertThat(reopened.find(a.trackingCode())).contains(a.position());
            }
        }
    }

    @Test
    void the_board_export_is_every_board_entry_of_the_record_in_order_and_the_ballot_module_replays_and_tallies_it() throws Exception {
        TestElection test = TestElection.create("branch-2026", 3);
        byte[] exported;
        try (RecordStore record = open()) {
            BallotBox box = new BallotBox(test.election, record, "Demo Union", CLOCK);
            assertThat(box.cast(test.json(test.encrypt(0, List.of(List.of(0L, 1L, 0L), List.of(1L))).ballot())))
                    .isInstanceOf(BallotBox.Outcome.Accepted.class);
            // an entry of something else between two ballots: the board skips it
            record.append(Entry.parse("{\"v\":1,\"type\":\"member.admitted\",\"org\":\"Demo Union\",\"unit\":null,"
                    + "\"at\":\"2026-11-27T10:15:30Z\",\"by\":null,\"body\":{\"member\":\"m-1\"}}")).join();
            BallotEncryptor.Encrypted challenged = test.encrypt(1, List.of(List.of(1L, 0L, 0L), List.of(1L)));
            assertThat(box.challenge(test.json(challenged.ballot()), revealJson(test, challenged)))
                    .isInstanceOf(BallotBox.Outcome.Accepted.class);
            assertThat(box.cast(test.json(test.encrypt(1, List.of(List.of(0L, 0L, 1L), List.of(0L))).ballot())))
                    .isInstanceOf(BallotBox.Outcome.Accepted.class);
            assertThat(box.cast(test.json(test.encrypt(2, List.of(List.of(0L, 1L, 0L), List.of(1L))).ballot())))
                    .isInstanceOf(BallotBox.Outcome.Accepted.class);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

            assertThat(box.writeBoard(out)).isEqualTo(4);

            exported = out.toByteArray();
            List<String> lines = List.of(new String(exported, java.nio.charset.StandardCharsets.UTF_8).split("\n"));
            List<String> onRecord = new java.util.ArrayList<>();
            for (Entry stored : record.entries(0, (int) record.size())) {
                JsonNode envelope = TestElection.JSON.readTree(stored.json());
                if (envelope.path("type").asText().startsWith("ballot.")) {
                    onRecord.add(new String(org.smolny.record.json.CanonicalJson.canonicalize(envelope.path("body").path("entry")),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            assertThat(record.size()).isEqualTo(5);
            assertThat(lines).containsExactlyElementsOf(onRecord);
            assertThat(box.entriesJson(1, 2)).extracting(e -> e.path("kind").asText()).containsExactly("challenged", "cast");

            org.smolny.ballot.record.ElectionRecordFiles files =
                    new org.smolny.ballot.record.ElectionRecordFiles(folder, TestElection.GROUP);
            List<BoardEntry> board = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                board.add(files.parseBoardLine(lines.get(i), i + 1));
            }
            org.smolny.ballot.tally.BallotBoard fresh = new org.smolny.ballot.tally.BallotBoard(test.election.proofContext(),
                    test.election.manifest(), test.election.key(), test.election.credentials());
            for (BoardEntry entry : board) {
                org.smolny.ballot.tally.Submission replayed = switch (entry) {
                    case BoardEntry.Cast cast -> fresh.cast(cast.ballot());
                    case BoardEntry.Challenged c -> fresh.challenge(c.ballot(), c.reveal());
                };
                assertThat(replayed).isEqualTo(new org.smolny.ballot.tally.Submission.Accepted(entry.trackingCode()));
            }
            org.smolny.ballot.tally.EncryptedTally tally = org.smolny.ballot.tally.EncryptedTally.compute(TestElection.GROUP,
                    test.election.manifest(), test.election.credentials(), board);
            assertThat(test.decrypt(tally.totals().get(0).get(1))).isEqualTo(2L);
            assertThat(test.decrypt(tally.totals().get(0).get(2))).isEqualTo(1L);
            assertThat(test.decrypt(tally.totals().get(1).get(0))).isEqualTo(2L);
        }
        try (RecordStore record = open(); BallotBox reopened = new BallotBox(test.election, record, "Demo Union", CLOCK)) {
            java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
            assertThat(reopened.writeBoard(again)).isEqualTo(4);
            assertThat(again.toByteArray()).isEqualTo(exported);
            Path directory = java.nio.file.Files.createDirectories(folder.resolve("election"));
            reopened.writeBoard(directory);
            assertThat(java.nio.file.Files.readAllBytes(directory.resolve("board.jsonl"))).isEqualTo(exported);
            assertThat(java.nio.file.Files.list(directory)).extracting(p -> p.getFileName().toString()).containsExactly("board.jsonl");
        }
    }

    private static ObjectNode revealJson(TestElection test, BallotEncryptor.Encrypted encrypted) {
        return (ObjectNode) new org.smolny.ballot.record.RecordCodec(TestElection.GROUP)
                .boardEntry(new BoardEntry.Challenged(encrypted.ballot(), encrypted.opening(),
                        TrackingCode.start(test.election.manifest().hash())))
                .path("reveal");
    }
}
