package org.smolny.verify.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.simulate.SimulationParameters;
import org.smolny.ballot.simulate.StreamingElectionSimulator;

/**
 * The streaming simulator's record (what {@code smolny election simulate} writes and the benchmark verifies) passes
 * every check of the unchanged verifier, and a ballot altered on its board is caught.
 */
class StreamedElectionVerificationTest {
    @TempDir
    static Path dir;
    private static StreamingElectionSimulator.Result election;

    @BeforeAll
    static void simulate() {
        election = StreamingElectionSimulator.simulate(new SimulationParameters(200, 3, 3, 2, 3, 4, 3, 2),
                new ElectionRecordFiles(dir, P256Group.instance()), new SecureRandom(), written -> { });
    }

    private static ElectionVerifier.Options options(ElectionVerifier.Mode mode) {
        return new ElectionVerifier.Options(mode, 2, 64, List.of());
    }

    @Test
    void a_streamed_simulation_passes_every_check_in_batch_and_one_at_a_time() {
        for (ElectionVerifier.Mode mode : ElectionVerifier.Mode.values()) {
            VerificationReport report = ElectionVerifier.verify(dir, options(mode));
            assertThat(report.failures()).as(mode.name()).isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.boardEntries()).isEqualTo(200 + 3 + 4);
            assertThat(report.counts()).isEqualTo(election.expectedCounts());
        }
    }

    @Test
    void a_ballot_whose_ciphertext_is_swapped_on_the_board_fails_its_signature_proof_chain_and_tally(
            @TempDir Path tampered) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.copy(f, tampered.resolve(f.getFileName()));
            }
        }
        Path board = tampered.resolve(ElectionRecordFiles.BOARD);
        List<String> lines = new ArrayList<>(Files.readAllLines(board, StandardCharsets.UTF_8));
        // line 101 (a cast ballot) gets the first ciphertext part β of line 102: a valid point, a different vote
        Pattern beta = Pattern.compile("\"beta\":\"([0-9a-f]+)\"");
        Matcher theirs = beta.matcher(lines.get(101));
        assertThat(theirs.find()).isTrue();
        lines.set(100, beta.matcher(lines.get(100)).replaceFirst("\"beta\":\"" + theirs.group(1) + "\""));
        Files.write(board, lines, StandardCharsets.UTF_8);

        for (ElectionVerifier.Mode mode : ElectionVerifier.Mode.values()) {
            VerificationReport report = ElectionVerifier.verify(tampered, options(mode));
            assertThat(report.valid()).as(mode.name()).isFalse();
            assertThat(report.failedChecks()).as(mode.name())
                    .contains(Check.E11, Check.E12, Check.E14, Check.E17);
            assertThat(report.failures()).filteredOn(f -> f.check() == Check.E12)
                    .allSatisfy(f -> assertThat(f.where()).isEqualTo("board.jsonl line 101"));
        }
    }
}
