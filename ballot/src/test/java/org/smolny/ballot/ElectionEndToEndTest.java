package org.smolny.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.DecryptionOutcome;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.simulate.ElectionSimulator;
import org.smolny.ballot.simulate.SimulationParameters;
import org.smolny.ballot.tally.BoardEntry;

class ElectionEndToEndTest {
    private final SecureRandom random = new SecureRandom();

    private static List<List<Long>> expectedCounts(ElectionSimulator.Simulation s) {
        List<List<Long>> expected = new ArrayList<>();
        s.manifest().contests().forEach(c -> {
            List<Long> row = new ArrayList<>();
            c.selections().forEach(x -> row.add(0L));
            expected.add(row);
        });
        for (int v = 0; v < s.castMarks().size(); v++) {
            long w = s.credentials().get(v).weight();
            List<List<Long>> marks = s.castMarks().get(v);
            for (int i = 0; i < marks.size(); i++) {
                for (int j = 0; j < marks.get(i).size(); j++) {
                    expected.get(i).set(j, expected.get(i).get(j) + w * marks.get(i).get(j));
                }
            }
        }
        return expected;
    }

    @Test
    void the_decrypted_tally_counts_each_voters_last_cast_ballot_with_its_weight() {
        ElectionSimulator.Simulation s = ElectionSimulator.simulate(
                new SimulationParameters(12, 3, 3, 2, 2, 3, 5, 2), random);
        assertThat(s.board()).hasSize(12 + 2 + 3);
        assertThat(s.board().stream().filter(e -> e instanceof BoardEntry.Challenged)).hasSize(2);
        assertThat(s.decryption().counts()).isEqualTo(expectedCounts(s));
    }

    @Test
    void any_k_of_the_n_trustees_decrypt_the_same_result_and_k_minus_one_cannot() {
        ElectionSimulator.Simulation s = ElectionSimulator.simulate(SimulationParameters.of(6, 2, 4, 3), random);
        Map<Integer, org.smolny.ballot.group.GroupElement> keys = s.jointKey().verificationKeys();
        List<PartialDecryption> lastThree = new ArrayList<>();
        for (TrusteeSecrets t : s.trustees().subList(1, 4)) {
            lastThree.add(Decryption.partial(s.context(), t.index(), t.keyShare().orElseThrow(), s.tally(), random));
        }
        long bound = s.credentials().stream().mapToLong(PublicCredential::weight).sum();
        DecryptionOutcome withOthers = Decryption.combine(s.context(), s.manifest().trustees(), keys, s.tally(),
                lastThree, bound);
        assertThat(withOthers).isInstanceOfSatisfying(DecryptionOutcome.Decrypted.class, d -> {
            assertThat(d.result().counts()).isEqualTo(expectedCounts(s));
            assertThat(d.trustees()).containsExactly(2, 3, 4);
        });
        DecryptionOutcome tooFew = Decryption.combine(s.context(), s.manifest().trustees(), keys, s.tally(),
                lastThree.subList(0, 2), bound);
        assertThat(tooFew).isInstanceOfSatisfying(DecryptionOutcome.Failed.class,
                f -> assertThat(f.reason()).contains("only 2 valid partial decryptions; the threshold is 3"));
    }

    @Test
    void an_election_record_written_to_files_reads_back_the_same(@TempDir Path dir) {
        ElectionSimulator.Simulation s = ElectionSimulator.simulate(SimulationParameters.of(5, 2, 3, 2), random);
        ElectionRecordFiles files = new ElectionRecordFiles(dir, P256Group.instance());
        ElectionSimulator.write(s, files);
        assertThat(files.readManifest()).isEqualTo(s.manifest());
        assertThat(files.readCredentials()).isEqualTo(s.credentials());
        assertThat(files.readBoard()).hasSize(s.board().size());
        assertThat(files.readBoard().get(0).trackingCode()).isEqualTo(s.board().get(0).trackingCode());
        assertThat(files.readTally()).isEqualTo(s.tally());
        assertThat(files.readDecryption().counts()).isEqualTo(s.decryption().counts());
        assertThat(files.readJointKey()).isEqualTo(s.jointKey());
        assertThat(files.readCeremony().announcements()).hasSize(3);
    }
}
