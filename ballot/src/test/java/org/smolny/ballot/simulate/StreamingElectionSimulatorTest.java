package org.smolny.ballot.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotChecks;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.ballot.tally.TrackingCode;

class StreamingElectionSimulatorTest {
    private final SecureRandom random = new SecureRandom();
    private final P256Group group = P256Group.instance();

    @Test
    void a_streamed_election_holds_valid_proofs_chained_codes_and_a_tally_of_each_voters_last_cast_ballot(
            @TempDir Path dir) {
        Manifest manifest = new Manifest("streamed", "Streamed", "P-256", new CeremonyParameters(3, 2), List.of(
                new Contest("q1", "Question 1", List.of("yes"), Contest.LimitKind.AT_MOST, 1),
                new Contest("pick", "Pick up to two", List.of("a", "b", "c"), Contest.LimitKind.AT_MOST, 2),
                new Contest("one", "Exactly one", List.of("x", "y"), Contest.LimitKind.EXACTLY, 1)));
        ElectionRecordFiles files = new ElectionRecordFiles(dir, group);
        List<Long> progress = new ArrayList<>();
        StreamingElectionSimulator.Result result = StreamingElectionSimulator.simulate(manifest,
                new SimulationParameters(120, 1, 3, 2, 4, 5, 7, 2), files, random, progress::add);

        List<BoardEntry> board = files.readBoard();
        assertThat(board).hasSize(120 + 4 + 5);
        assertThat(result.boardEntries()).isEqualTo(129);
        assertThat(progress).last().isEqualTo(129L);
        assertThat(board.stream().filter(e -> e instanceof BoardEntry.Challenged)).hasSize(4);
        ProofContext context = new ProofContext(group, manifest.hash());
        ElectionPublicKey key = new ElectionPublicKey(files.readJointKey().jointKey());
        TrackingCode code = TrackingCode.start(manifest.hash());
        RecordCodec codec = new RecordCodec(group);
        List<String> lines = readLines(dir.resolve(ElectionRecordFiles.BOARD));
        for (int i = 0; i < board.size(); i++) {
            BoardEntry e = board.get(i);
            assertThat(BallotChecks.verifyAll(context, manifest, key, e.ballot())).isEmpty();
            code = code.next(e.ballot().hash(manifest.hash()));
            assertThat(e.trackingCode()).isEqualTo(code);
            assertThat(lines.get(i)).isEqualTo(RecordCodec.write(codec.boardEntry(e)));
            if (e instanceof BoardEntry.Challenged ch) {
                assertThat(BallotChecks.opening(manifest, key, e.ballot(), ch.reveal())).isEmpty();
            }
        }
        List<PublicCredential> credentials = files.readCredentials();
        assertThat(credentials).hasSize(120);
        assertThat(credentials.stream().mapToLong(PublicCredential::weight).max().orElseThrow()).isBetween(2L, 7L);
        assertThat(files.readTally()).isEqualTo(EncryptedTally.compute(group, manifest, credentials, board));
        assertThat(files.readDecryption().counts()).isEqualTo(result.expectedCounts());
        assertThat(files.readManifest()).isEqualTo(manifest);
    }

    @Test
    void the_credentials_file_lists_each_voter_once_with_the_key_that_signs_their_ballots(@TempDir Path dir) {
        ElectionRecordFiles files = new ElectionRecordFiles(dir, group);
        StreamingElectionSimulator.simulate(SimulationParameters.of(300, 2, 1, 1), files, random, n -> { });
        List<PublicCredential> credentials = files.readCredentials();
        Map<GroupElement, Integer> ballots = new HashMap<>();
        files.readBoard().forEach(e -> ballots.merge(e.ballot().credential(), 1, Integer::sum));
        assertThat(credentials).hasSize(300);
        assertThat(credentials.stream().map(PublicCredential::key).distinct()).hasSize(300);
        assertThat(ballots.keySet()).containsExactlyInAnyOrderElementsOf(
                credentials.stream().map(PublicCredential::key).toList());
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "manifest.json", "ceremony.json", "joint-key.json", "credentials.json", "board.jsonl",
                    "tally.json", "decryption.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
