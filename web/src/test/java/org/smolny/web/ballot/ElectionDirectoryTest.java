package org.smolny.web.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;

class ElectionDirectoryTest {

    @TempDir
    Path folder;

    @Test
    void an_election_opens_from_its_record_directory_and_its_board_is_written_back_for_the_tally() throws Exception {
        TestElection test = TestElection.create("branch-2026", 2);
        Path directory = folder.resolve("election");
        java.nio.file.Files.createDirectories(directory);
        ElectionRecordFiles files = new ElectionRecordFiles(directory, TestElection.GROUP);
        files.writeManifest(test.election.manifest());
        files.writeJointKey(new JointKeyRecord(test.election.key().element(), Map.of(1, test.election.key().element())));
        files.writeCredentials(test.election.credentials());

        OpenElection opened = OpenElection.fromRecordDirectory("branch-2026", directory);

        assertThat(opened.manifest().canonicalJson()).isEqualTo(test.election.manifest().canonicalJson());
        assertThat(opened.key()).isEqualTo(test.election.key());
        assertThat(opened.credentials()).isEqualTo(test.election.credentials());
        try (RecordStore record = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")))) {
            BallotBox box = new BallotBox(opened, record, "Demo Union", Clock.systemUTC());
            box.cast(test.json(test.encrypt(0, List.of(List.of(0L, 1L, 0L), List.of(1L))).ballot()));
            box.cast(test.json(test.encrypt(1, List.of(List.of(0L, 1L, 0L), List.of(0L))).ballot()));
            box.writeBoard(directory);
        }
        List<BoardEntry> board = files.readBoard();
        assertThat(board).hasSize(2);
        EncryptedTally tally = EncryptedTally.compute(TestElection.GROUP, opened.manifest(), opened.credentials(), board);
        assertThat(test.decrypt(tally.totals().get(0).get(1))).isEqualTo(2L);
        assertThat(test.decrypt(tally.totals().get(1).get(0))).isEqualTo(1L);
    }

    @Test
    void an_election_id_that_is_not_a_path_segment_is_refused() {
        TestElection test = TestElection.create("branch-2026", 1);
        assertThatThrownBy(() -> new OpenElection("Branch 2026/..", test.election.manifest(), test.election.key(), test.election.credentials()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a-z, 0-9 and '-'");
    }
}
