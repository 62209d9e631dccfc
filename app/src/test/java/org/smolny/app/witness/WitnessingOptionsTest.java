package org.smolny.app.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.witness.Cosigner;
import org.smolny.record.witness.KnownLog;
import org.smolny.record.witness.Witness;
import org.smolny.record.witness.WitnessAheadOfLogException;
import org.smolny.record.witness.WitnessServer;
import org.smolny.record.witness.Witnessing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A log command configures its witnesses with --witness KEY@URL and stops when a witness is ahead of it. */
class WitnessingOptionsTest {

    @Command(name = "checkpoint")
    static final class CheckpointCommand implements Runnable {
        @Mixin
        WitnessingOptions witnessing;

        @Override
        public void run() {
        }
    }

    @TempDir
    Path data;

    private static Witnessing parse(String... args) {
        CheckpointCommand command = new CheckpointCommand();
        CommandLine line = new CommandLine(command);
        line.parseArgs(args);
        return command.witnessing.witnessing(line).orElse(null);
    }

    private static SignedNote checkpoint(SignerKey logKey, int size, byte[] root) {
        return SignedNote.sign("example.org/log\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n",
                new Ed25519NoteSigner(logKey));
    }

    @Test
    void witnesses_and_threshold_are_read_from_the_command_line() {
        SignerKey w1 = SignerKey.generate("w1.example", KeyType.COSIGNATURE_V1);
        SignerKey w2 = SignerKey.generate("w2.example", KeyType.COSIGNATURE_V1);

        Witnessing policy = parse("--witness", w1.verifierKey().encoded() + "@http://127.0.0.1:1",
                "--witness", w2.verifierKey().encoded() + "@https://w2.example/witness", "--witness-threshold", "1");

        assertThat(policy.threshold()).isEqualTo(1);
        assertThat(policy.witnesses()).extracting(w -> w.endpoint().toString())
                .containsExactly("http://127.0.0.1:1/add-checkpoint", "https://w2.example/witness/add-checkpoint");
        assertThat(parse()).isNull();
    }

    @Test
    void a_malformed_witness_or_an_impossible_threshold_is_a_usage_error() {
        SignerKey w1 = SignerKey.generate("w1.example", KeyType.COSIGNATURE_V1);

        assertThatThrownBy(() -> parse("--witness", "nonsense")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("Bad --witness");
        assertThatThrownBy(() -> parse("--witness", w1.verifierKey().encoded() + "@http://127.0.0.1:1",
                "--witness-threshold", "2")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> parse("--witness-threshold", "1")).hasMessageContaining("needs at least");
    }

    @Test
    void a_witness_ahead_of_the_log_stops_it_with_a_printed_reason() throws Exception {
        SignerKey logKey = SignerKey.generate("example.org/log", KeyType.ED25519);
        SignerKey witnessKey = SignerKey.generate("w1.example", KeyType.COSIGNATURE_V1);
        byte[] leaf = MessageDigest.getInstance("SHA-256").digest(new byte[] {0x00, 'a'});
        try (WitnessServer server = WitnessServer.start(
                new Witness(new Cosigner(witnessKey, Clock.systemUTC()),
                        List.of(new KnownLog("example.org/log", List.of(logKey.verifierKey()))), data),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "")) {
            String witness = witnessKey.verifierKey().encoded() + "@" + server.submissionPrefix();
            StringWriter err = new StringWriter();
            WitnessingOptions.gather(parse("--witness", witness), checkpoint(logKey, 1, leaf), (a, b) -> List.of(),
                    new PrintWriter(err, true));
            byte[] emptyRoot = MessageDigest.getInstance("SHA-256").digest(new byte[0]);

            assertThatThrownBy(() -> WitnessingOptions.gather(parse("--witness", witness),
                    checkpoint(logKey, 0, emptyRoot), (a, b) -> List.of(), new PrintWriter(err, true)))
                    .isInstanceOf(WitnessAheadOfLogException.class);
            assertThat(err.toString()).contains("STOPPED: witness w1.example has cosigned a tree of size 1, larger than"
                    + " this log's checkpoint of size 0");
        }
    }
}
