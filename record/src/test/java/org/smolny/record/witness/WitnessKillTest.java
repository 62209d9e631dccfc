package org.smolny.record.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;

/** A witness killed with SIGKILL in the middle of cosigning keeps every checkpoint it acknowledged. */
@Tag("kill")
class WitnessKillTest {

    @TempDir
    Path data;

    @Test
    void a_witness_killed_while_cosigning_restarts_at_or_beyond_every_size_it_acknowledged() throws Exception {
        TestLog log = TestLog.create("smolny.example/log", 2000);
        SignerKey witnessKey = SignerKey.generate("w1.example", KeyType.COSIGNATURE_V1);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WitnessProcess.class.getName(),
                data.toString(), witnessKey.encodedSecret(), log.origin + "=" + log.verifierKey().encoded())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        AtomicLong acknowledged = new AtomicLong();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().strip());
            WitnessClient client = new WitnessClient(URI.create("http://127.0.0.1:" + port),
                    new CosignatureVerifier(witnessKey.verifierKey()));
            Thread submitter = Thread.ofVirtual().start(() -> {
                for (int size = 1; size <= 2000; size++) {
                    try {
                        client.addCheckpoint(log.checkpoint(size), log.proofs());
                        acknowledged.set(size);
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            while (acknowledged.get() < 50) {
                Thread.sleep(5);
            }
            process.destroyForcibly();
            process.waitFor();
            submitter.join();
        } finally {
            process.destroyForcibly();
        }

        Witness.Latest latest;
        try (Witness restarted = new Witness(new Cosigner(witnessKey, Clock.systemUTC()), List.of(log.known()), data)) {
            latest = restarted.latest(log.origin).orElseThrow();
        }
        assertThat(latest.size()).isGreaterThanOrEqualTo(acknowledged.get());
        assertThat(latest.rootHash()).isEqualTo(log.root((int) latest.size()));
    }
}
