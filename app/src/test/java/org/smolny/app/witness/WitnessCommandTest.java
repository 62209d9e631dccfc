package org.smolny.app.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.app.SmolnyCli.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.Main;
import org.smolny.app.SmolnyCli.Run;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.witness.Cosignature;
import org.smolny.record.witness.CosignatureVerifier;
import org.smolny.record.witness.WitnessClient;
import picocli.CommandLine;

/** {@code smolny witness}: an operator creates the witness key and runs the witness. */
class WitnessCommandTest {

    @TempDir
    Path data;

    @Test
    void the_key_command_creates_a_key_readable_by_its_owner_only_and_prints_its_verifier_key() throws Exception {
        Run created = run("witness", "key", "--data", data.toString(), "--name", "witness.unit.example/w1");

        assertThat(created.exitCode()).as(created.err()).isZero();
        String verifierKey = created.out().strip();
        assertThat(CosignatureVerifier.parse(verifierKey).name()).isEqualTo("witness.unit.example/w1");
        Path keyFile = data.resolve("witness.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.readString(keyFile)).startsWith("PRIVATE+KEY+witness.unit.example/w1+");

        Run again = run("witness", "key", "--data", data.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out().strip()).isEqualTo(verifierKey);
    }

    @Test
    void a_first_start_without_a_name_is_refused_with_a_hint() {
        Run run = run("witness", "key", "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("give --name NAME on first start");
    }

    @Test
    void a_witness_cannot_change_its_name() {
        run("witness", "key", "--data", data.toString(), "--name", "w1.example");

        Run renamed = run("witness", "key", "--data", data.toString(), "--name", "w2.example");

        assertThat(renamed.exitCode()).isEqualTo(1);
        assertThat(renamed.err()).contains("is named 'w1.example'");
    }

    @Test
    void running_a_witness_without_any_log_is_a_usage_error() {
        Run run = run("witness", "--data", data.toString(), "--name", "w1.example");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--log ORIGIN=KEY");
    }

    @Test
    void a_log_given_with_a_malformed_key_is_a_usage_error_naming_the_problem() {
        Run run = run("witness", "--data", data.toString(), "--name", "w1.example", "--log", "example.org/log=nonsense");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Bad log").contains("name+hexid+base64key");
    }

    @Test
    void a_running_witness_cosigns_a_checkpoint_of_a_log_it_follows() throws Exception {
        SignerKey logKey = SignerKey.generate("example.org/log", KeyType.ED25519);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path logsFile = data.resolve("logs.txt");
        Files.writeString(logsFile, "# logs this witness follows\nexample.org/log=" + logKey.verifierKey().encoded() + "\n");
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread witness = Thread.ofPlatform().start(() -> {
            CommandLine command = new CommandLine(new Main());
            command.setOut(new PrintWriter(out, true));
            exitCode.set(command.execute("witness", "--data", data.toString(), "--name", "w1.example",
                    "--listen", "127.0.0.1:" + port, "--logs-file", logsFile.toString()));
        });
        try {
            awaitListening(port);
            String printed = out.toString();
            String verifierKey = printed.lines().filter(l -> l.startsWith("Verifier key: ")).findFirst()
                    .orElseThrow().substring("Verifier key: ".length());
            assertThat(printed).contains("Following example.org/log (nothing cosigned yet)");
            byte[] leaf = MessageDigest.getInstance("SHA-256").digest(new byte[] {0x00, 'e'});
            String text = "example.org/log\n1\n" + Base64.getEncoder().encodeToString(leaf) + "\n";
            SignedNote checkpoint = SignedNote.sign(text, new Ed25519NoteSigner(logKey));
            CosignatureVerifier verifier = CosignatureVerifier.parse(verifierKey);

            Cosignature cosignature = new WitnessClient(URI.create("http://127.0.0.1:" + port), verifier)
                    .addCheckpoint(checkpoint, (oldSize, newSize) -> java.util.List.of());

            assertThat(verifier.verify(text.getBytes(StandardCharsets.UTF_8), cosignature)).isTrue();
        } finally {
            witness.interrupt();
            witness.join(5000);
        }
        assertThat(exitCode.get()).isZero();
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(100);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the witness did not start listening on port " + port);
    }
}
