package org.smolny.record.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;

/** A witness served over real HTTP on 127.0.0.1 answers add-checkpoint as C2SP tlog-witness says. */
class WitnessServerTest {

    private static final SignerKey WITNESS_KEY = SignerKey.generate("witness.example/w1", KeyType.COSIGNATURE_V1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private final TestLog log = TestLog.create("smolny.example/log", 64);
    private WitnessServer server;
    private Witness witness;

    @BeforeEach
    void startWitness() throws IOException {
        server = start();
    }

    @AfterEach
    void stopWitness() {
        server.close();
    }

    private WitnessServer start() throws IOException {
        witness = new Witness(new Cosigner(WITNESS_KEY, Clock.systemUTC()), List.of(log.known()), data);
        return WitnessServer.start(witness, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "");
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.submissionPrefix() + "/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(long oldSize, List<Hash> proof, SignedNote checkpoint)
            throws IOException, InterruptedException {
        return post(new AddCheckpointRequest(oldSize, proof, checkpoint.toBytes()).encode());
    }

    private HttpResponse<String> submit(long oldSize, int size) throws IOException, InterruptedException {
        List<Hash> proof = oldSize == 0 || oldSize == size ? List.of() : log.consistencyProof(oldSize, size);
        return submit(oldSize, proof, log.checkpoint(size));
    }

    private Cosignature cosignatureIn(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String line = response.body().strip();
        return Cosignature.fromNoteSignature(SignedNote.parseSignatureLine(line, 1));
    }

    @Test
    void a_witness_cosigns_a_consistent_sequence_of_checkpoints() throws Exception {
        CosignatureVerifier verifier = new CosignatureVerifier(WITNESS_KEY.verifierKey());
        long previous = 0;
        for (int size : new int[] {0, 3, 7, 7, 8, 40, 64}) {
            Cosignature cosignature = cosignatureIn(submit(previous, size));
            assertThat(verifier.verify(log.checkpointText(size).getBytes(StandardCharsets.UTF_8), cosignature))
                    .as("cosignature of size %d", size).isTrue();
            previous = size;
        }
    }

    @Test
    void a_witness_answers_a_wrong_old_size_with_409_and_the_size_it_holds() throws Exception {
        cosignatureIn(submit(0, 10));

        HttpResponse<String> response = submit(0, 12);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(response.body()).isEqualTo("10\n");
    }

    @Test
    void a_witness_refuses_a_forked_checkpoint_of_the_same_size_with_another_root() throws Exception {
        cosignatureIn(submit(0, 10));
        TestLog forked = log.fork("rewritten ", 10);

        HttpResponse<String> response = submit(10, List.of(), forked.checkpoint(10));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body()).contains("different root hash").contains("size 10");
        assertThat(witness.latest(log.origin).orElseThrow().rootHash()).isEqualTo(log.root(10));
        try (Stream<Path> evidence = Files.list(data.resolve("evidence"))) {
            assertThat(evidence.toList()).singleElement()
                    .satisfies(file -> assertThat(Files.readString(file)).contains(forked.checkpointText(10)));
        }
    }

    @Test
    void a_witness_refuses_a_checkpoint_whose_consistency_proof_does_not_hold_with_422() throws Exception {
        cosignatureIn(submit(0, 10));
        List<Hash> proof = new ArrayList<>(log.consistencyProof(10, 20));
        byte[] first = proof.getFirst().bytes();
        first[0] ^= 1;
        proof.set(0, new Hash(first));

        HttpResponse<String> response = submit(10, proof, log.checkpoint(20));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("invalid consistency proof");
        assertThat(submit(10, 12).statusCode()).isEqualTo(200);
    }

    @Test
    void a_witness_refuses_a_forked_history_that_grew_past_what_it_saw_with_422() throws Exception {
        cosignatureIn(submit(0, 10));
        TestLog forked = log.fork("rewritten ", 20);

        HttpResponse<String> response = submit(10, forked.consistencyProof(10, 20), forked.checkpoint(20));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("root hash of size 10");
    }

    @Test
    void a_witness_never_goes_back_to_a_smaller_tree() throws Exception {
        cosignatureIn(submit(0, 20));

        assertThat(submit(20, List.of(), log.checkpoint(12)).statusCode()).isEqualTo(400);
        HttpResponse<String> response = submit(12, 12);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("20\n");
    }

    @Test
    void a_witness_keeps_its_state_across_a_restart() throws Exception {
        cosignatureIn(submit(0, 10));
        server.close();
        server = start();

        HttpResponse<String> stale = submit(0, 5);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).isEqualTo("10\n");
        assertThat(submit(10, 15).statusCode()).isEqualTo(200);
    }

    @Test
    void a_checkpoint_of_a_log_the_witness_does_not_follow_gets_404() throws Exception {
        TestLog other = TestLog.create("other.example/log", 3);

        HttpResponse<String> response = submit(0, List.of(), other.checkpoint(3));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("other.example/log");
    }

    @Test
    void a_checkpoint_signed_by_another_key_than_the_log_key_gets_403() throws Exception {
        SignerKey impostor = SignerKey.generate(log.origin, KeyType.ED25519);
        SignedNote forged = SignedNote.sign(log.checkpointText(3), new Ed25519NoteSigner(impostor));

        HttpResponse<String> response = submit(0, List.of(), forged);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("no signature by a key of log");
    }

    @Test
    void a_checkpoint_with_an_altered_root_under_the_log_signature_gets_403() throws Exception {
        String note = log.checkpoint(3).encoded();
        String altered = note.replace(log.checkpointText(3), log.checkpointText(3).replace("\n3\n", "\n4\n"));

        HttpResponse<String> response = post(("old 0\n\n" + altered).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("does not verify");
    }

    @Test
    void malformed_requests_get_400_saying_what_is_wrong() throws Exception {
        String note = log.checkpoint(3).encoded();

        assertThat(post(("old 00\n\n" + note).getBytes(StandardCharsets.UTF_8)).body()).contains("leading zeroes");
        assertThat(post(("new 0\n\n" + note).getBytes(StandardCharsets.UTF_8)).body()).contains("line 1 must be 'old <size>'");
        assertThat(post(("old 0\nnot-base64\n\n" + note).getBytes(StandardCharsets.UTF_8)).body()).contains("line 2");
        assertThat(post(("old 0\n" + note).getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(post("old 0\n\n".getBytes(StandardCharsets.UTF_8)).body()).contains("no checkpoint");
        HttpResponse<String> noSignature = post(("old 0\n\n" + log.checkpointText(3)).getBytes(StandardCharsets.UTF_8));
        assertThat(noSignature.statusCode()).isEqualTo(400);
        assertThat(noSignature.body()).contains("checkpoint note");
        assertThat(submit(5, List.of(), log.checkpoint(3)).body()).contains("old size 5 is larger than the checkpoint size 3");
    }

    @Test
    void a_request_body_over_the_size_limit_gets_413_and_is_not_read() throws Exception {
        byte[] huge = new byte[WitnessServer.MAX_REQUEST_BYTES + 1];

        assertThat(post(huge).statusCode()).isEqualTo(413);
    }

    @Test
    void add_checkpoint_accepts_only_post() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(server.submissionPrefix() + "/add-checkpoint")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void concurrent_submissions_of_growing_checkpoints_never_roll_the_witness_back() throws Exception {
        cosignatureIn(submit(0, 8));
        List<Thread> threads = new ArrayList<>();
        for (int size = 9; size <= 40; size++) {
            int target = size;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    submit(8, target);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        server.close();
        server = start();
        long stored = witness.latest(log.origin).orElseThrow().size();
        assertThat(stored).isBetween(9L, 40L);
        HttpResponse<String> response = submit(0, 40);
        assertThat(response.body()).isEqualTo(stored + "\n");
    }

    @Test
    void a_witness_with_a_damaged_state_file_refuses_to_start_naming_the_file() throws Exception {
        cosignatureIn(submit(0, 10));
        server.close();
        Path stateFile;
        try (Stream<Path> files = Files.list(data.resolve("state"))) {
            stateFile = files.toList().getFirst();
        }
        Files.writeString(stateFile, "smolny.example/log\n10\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(this::start)
                .isInstanceOf(IOException.class)
                .hasMessageContaining(stateFile.getFileName().toString()).hasMessageContaining("damaged");
        server = start(Path.of(data.toString(), "elsewhere"));
    }

    private WitnessServer start(Path folder) throws IOException {
        Witness witness = new Witness(new Cosigner(WITNESS_KEY, Clock.systemUTC()), List.of(log.known()), folder);
        return WitnessServer.start(witness, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "");
    }

    @Test
    void a_second_witness_on_the_same_data_folder_is_refused_while_the_first_runs() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Witness(new Cosigner(WITNESS_KEY, Clock.systemUTC()), List.of(log.known()), data))
                .isInstanceOf(IOException.class).hasMessageContaining("another witness is already running");
    }
}
