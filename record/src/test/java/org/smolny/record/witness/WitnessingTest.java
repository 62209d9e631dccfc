package org.smolny.record.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifiedNote;

/** A log gathers cosignatures from its witnesses under a k-of-N policy, over real HTTP. */
class WitnessingTest {

    @TempDir
    Path data;

    private final TestLog log = TestLog.create("smolny.example/log", 64);
    private final List<WitnessServer> servers = new ArrayList<>();

    @AfterEach
    void stopWitnesses() {
        servers.forEach(WitnessServer::close);
    }

    private WitnessClient witness(String name) throws IOException {
        SignerKey key = SignerKey.generate(name, KeyType.COSIGNATURE_V1);
        Witness witness = new Witness(new Cosigner(key, Clock.systemUTC()), List.of(log.known()), data.resolve(name));
        WitnessServer server = WitnessServer.start(witness, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "");
        servers.add(server);
        return new WitnessClient(server.submissionPrefix(), new CosignatureVerifier(key.verifierKey()));
    }

    /** A witness that is down: nothing listens on its port. */
    private static WitnessClient downWitness(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SignerKey key = SignerKey.generate(name, KeyType.COSIGNATURE_V1);
        return new WitnessClient(URI.create("http://127.0.0.1:" + port),
                new CosignatureVerifier(key.verifierKey()));
    }

    @Test
    void two_of_three_witnesses_meet_the_policy_while_one_is_down() throws Exception {
        Witnessing policy = new Witnessing(List.of(witness("w1.example"), downWitness("w2.example"),
                witness("w3.example")), 2, Duration.ofSeconds(5));

        WitnessingResult result = policy.gather(log.checkpoint(10), log.proofs());

        assertThat(result.policyMet()).isTrue();
        assertThat(result.cosignatures()).extracting(Cosignature::witnessName).containsExactly("w1.example", "w3.example");
        assertThat(result.failures()).containsOnlyKeys("w2.example");
        assertThat(result.failures().get("w2.example")).contains("no answer from");
    }

    @Test
    void three_of_three_is_not_met_while_one_witness_is_down() throws Exception {
        Witnessing policy = new Witnessing(List.of(witness("w1.example"), downWitness("w2.example"),
                witness("w3.example")), 3, Duration.ofSeconds(5));

        WitnessingResult result = policy.gather(log.checkpoint(10), log.proofs());

        assertThat(result.policyMet()).isFalse();
        assertThat(result.cosignatures()).hasSize(2);
    }

    @Test
    void the_cosigned_checkpoint_opens_with_the_log_key_and_every_witness_key() throws Exception {
        WitnessClient w1 = witness("w1.example");
        WitnessClient w2 = witness("w2.example");
        WitnessingResult result = new Witnessing(List.of(w1, w2), 2, Duration.ofSeconds(5))
                .gather(log.checkpoint(5), log.proofs());

        VerifiedNote opened = SignedNote.open(result.cosignedCheckpoint().toBytes(), NoteVerifiers.of(
                new Ed25519NoteVerifier(log.verifierKey()), w1.verifier(), w2.verifier()));

        assertThat(opened.verified()).hasSize(3);
    }

    @Test
    void successive_checkpoints_are_cosigned_with_consistency_proofs_from_the_last_cosigned_size() throws Exception {
        Witnessing policy = new Witnessing(List.of(witness("w1.example")), 1, Duration.ofSeconds(5));

        for (int size : new int[] {1, 2, 5, 5, 16, 17, 64}) {
            assertThat(policy.gather(log.checkpoint(size), log.proofs()).policyMet()).as("size %d", size).isTrue();
        }
    }

    @Test
    void a_client_that_does_not_know_the_witness_size_learns_it_from_409_and_retries_with_a_proof() throws Exception {
        WitnessClient first = witness("w1.example");
        first.addCheckpoint(log.checkpoint(7), log.proofs());
        WitnessClient fresh = new WitnessClient(first.endpoint().resolve("."), first.verifier());
        List<long[]> asked = new ArrayList<>();
        ConsistencyProofSource recording = (oldSize, newSize) -> {
            asked.add(new long[] {oldSize, newSize});
            return log.consistencyProof(oldSize, newSize);
        };

        Cosignature cosignature = fresh.addCheckpoint(log.checkpoint(12), recording);

        assertThat(asked).singleElement().isEqualTo(new long[] {7, 12});
        assertThat(first.verifier().verify(log.checkpointText(12).getBytes(StandardCharsets.UTF_8), cosignature)).isTrue();
    }

    @Test
    void a_witness_ahead_of_the_log_stops_the_log_with_a_clear_error() throws Exception {
        WitnessClient witness = witness("w1.example");
        Witnessing policy = new Witnessing(List.of(witness), 1, Duration.ofSeconds(5));
        policy.gather(log.checkpoint(20), log.proofs());
        WitnessClient restartedLog = new WitnessClient(witness.endpoint().resolve("."), witness.verifier());

        assertThatThrownBy(() -> new Witnessing(List.of(restartedLog), 1, Duration.ofSeconds(5))
                .gather(log.checkpoint(12), log.proofs()))
                .isInstanceOfSatisfying(WitnessAheadOfLogException.class, e -> {
                    assertThat(e.witnessSize()).isEqualTo(20);
                    assertThat(e.logSize()).isEqualTo(12);
                    assertThat(e.witnessName()).isEqualTo("w1.example");
                })
                .hasMessageContaining("rolled back or replaced");
    }

    @Test
    void a_witness_holding_another_root_for_the_log_size_stops_the_log_as_forked() throws Exception {
        WitnessClient witness = witness("w1.example");
        new Witnessing(List.of(witness), 1, Duration.ofSeconds(5)).gather(log.checkpoint(12), log.proofs());
        TestLog replaced = log.fork("rewritten ", 12);

        assertThatThrownBy(() -> new Witnessing(List.of(witness), 1, Duration.ofSeconds(5))
                .gather(replaced.checkpoint(12), replaced.proofs()))
                .isInstanceOf(WitnessHoldsOtherRootException.class)
                .hasMessageContaining("fork");
    }

    @Test
    void a_forked_log_that_grew_further_is_refused_by_the_witness_and_misses_its_policy() throws Exception {
        WitnessClient witness = witness("w1.example");
        new Witnessing(List.of(witness), 1, Duration.ofSeconds(5)).gather(log.checkpoint(12), log.proofs());
        TestLog replaced = log.fork("rewritten ", 30);

        WitnessingResult result = new Witnessing(List.of(witness), 1, Duration.ofSeconds(5))
                .gather(replaced.checkpoint(30), replaced.proofs());

        assertThat(result.policyMet()).isFalse();
        assertThat(result.failures().get("w1.example")).contains("422").contains("root hash of size 12");
    }

    @Test
    void a_cosignature_by_a_key_other_than_the_configured_witness_key_is_not_accepted() throws Exception {
        WitnessClient real = witness("w1.example");
        CosignatureVerifier otherKey = new CosignatureVerifier(
                SignerKey.generate("w1.example", KeyType.COSIGNATURE_V1).verifierKey());
        WitnessClient misconfigured = new WitnessClient(real.endpoint().resolve("."), otherKey);

        WitnessingResult result = new Witnessing(List.of(misconfigured), 1, Duration.ofSeconds(5))
                .gather(log.checkpoint(4), log.proofs());

        assertThat(result.policyMet()).isFalse();
        assertThat(result.failures().get("w1.example")).contains("no cosignature by w1.example+" + otherKey.keyId().hex());
    }

    @Test
    void a_witness_that_does_not_answer_in_time_counts_as_failed() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SignerKey key = SignerKey.generate("slow.example", KeyType.COSIGNATURE_V1);
            WitnessClient slow = new WitnessClient(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    new CosignatureVerifier(key.verifierKey()));
            Witnessing policy = new Witnessing(List.of(witness("w1.example"), slow), 1, Duration.ofMillis(700));

            WitnessingResult result = policy.gather(log.checkpoint(3), log.proofs());

            assertThat(result.policyMet()).isTrue();
            assertThat(result.failures().get("slow.example")).contains("no answer within 700 ms");
        }
    }

    @Test
    void a_policy_cannot_ask_for_more_cosignatures_than_it_has_witnesses() throws Exception {
        List<WitnessClient> one = List.of(witness("w1.example"));

        assertThatThrownBy(() -> new Witnessing(one, 2, Duration.ofSeconds(1))).hasMessageContaining("between 0 and 1");
    }


    @Test
    void a_witness_is_configured_as_its_verifier_key_at_its_url() throws Exception {
        WitnessClient real = witness("w1.example");
        String spec = real.verifier().key().encoded() + "@" + real.endpoint().resolve(".");

        WitnessClient parsed = WitnessClient.parse(spec);

        assertThat(parsed.endpoint()).isEqualTo(real.endpoint());
        assertThat(parsed.addCheckpoint(log.checkpoint(2), log.proofs()).witnessName()).isEqualTo("w1.example");
        assertThatThrownBy(() -> WitnessClient.parse("w1.example+00000000+AAAA")).hasMessageContaining("@<http(s) URL>");
    }

    @Test
    void a_reader_accepts_a_checkpoint_cosigned_by_enough_trusted_witnesses() throws Exception {
        WitnessClient w1 = witness("w1.example");
        WitnessClient w2 = witness("w2.example");
        SignedNote cosigned = new Witnessing(List.of(w1, w2), 2, Duration.ofSeconds(5))
                .gather(log.checkpoint(9), log.proofs()).cosignedCheckpoint();
        Ed25519NoteVerifier logKey = new Ed25519NoteVerifier(log.verifierKey());
        CosignatureVerifier untrusted = new CosignatureVerifier(
                SignerKey.generate("w3.example", KeyType.COSIGNATURE_V1).verifierKey());

        assertThat(new CosignaturePolicy(List.of(w1.verifier(), w2.verifier()), 2).check(cosigned, logKey).met()).isTrue();
        CosignaturePolicy.Verdict partly = new CosignaturePolicy(List.of(w1.verifier(), untrusted), 2).check(cosigned, logKey);
        assertThat(partly.met()).isFalse();
        assertThat(partly.cosignedBy()).containsExactly("w1.example");
    }

    @Test
    void a_reader_refuses_a_cosigned_checkpoint_not_signed_by_the_log() throws Exception {
        WitnessClient w1 = witness("w1.example");
        SignedNote cosigned = new Witnessing(List.of(w1), 1, Duration.ofSeconds(5))
                .gather(log.checkpoint(9), log.proofs()).cosignedCheckpoint();
        SignedNote withoutLog = new SignedNote(cosigned.text(), cosigned.signatures().subList(1, 2));

        assertThatThrownBy(() -> new CosignaturePolicy(List.of(w1.verifier()), 1)
                .check(withoutLog, new Ed25519NoteVerifier(log.verifierKey())))
                .hasMessageContaining("not signed by the required key smolny.example/log");
    }
}
