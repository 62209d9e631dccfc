package org.smolny.web.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.encrypt.BallotChecks;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.Submission;
import org.smolny.ballot.tally.TrackingCode;

/**
 * The ballot encrypted by the browser's script ({@code static/ballot/smolny-ballot.mjs}, run by node) is accepted by
 * the Java {@code ballot} module — the board and the checks the independent verifier uses — and decrypts to the
 * voter's marks; its Benaloh opening is accepted by the Java opening check.
 */
class BrowserScriptBallotTest {

    private static final Path SCRIPT = Path.of("src/main/resources/org/smolny/web/static/ballot/smolny-ballot.mjs").toAbsolutePath();

    /** Runs the browser's script under node: encrypts {@code marks} and prints the ballot, its hash and its opening. */
    private static JsonNode encryptWithTheBrowserScript(TestElection test, int voter, String marks) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")) || Files.isExecutable(Path.of("/usr/local/bin/node")),
                "node runs the browser's script outside a browser");
        String program = String.join("\n",
                "import * as b from " + TestElection.JSON.writeValueAsString(SCRIPT.toUri().toString()) + ";",
                "const { manifest, hash } = b.readManifest(" + TestElection.JSON.writeValueAsString(
                        new String(test.election.manifest().canonicalJson(), StandardCharsets.UTF_8)) + ");",
                "const e = b.encryptBallot({ manifest, manifestHash: hash, electionKey: b.prepareElectionKey('" + test.keyHex() + "'),",
                "  credentialSecret: b.decodeScalarHex('" + test.credentialSecretHex(voter) + "'), marks: " + marks + " });",
                "process.stdout.write(JSON.stringify({ ballot: b.ballotToJson(e.ballot), hash: b.toHex(e.hash), reveal: b.openingToJson(e.opening) }));");
        Process node = new ProcessBuilder("node", "--input-type=module", "-e", program).redirectErrorStream(false).start();
        byte[] out = node.getInputStream().readAllBytes();
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(err).isZero();
        return TestElection.JSON.readTree(out);
    }

    @Test
    void a_ballot_encrypted_by_the_browser_script_is_accepted_by_the_java_board_and_decrypts_to_the_marks() throws Exception {
        TestElection test = TestElection.create("js-interop", 2);
        JsonNode js = encryptWithTheBrowserScript(test, 1, "[[0, 0, 1], [1]]");
        RecordCodec codec = new RecordCodec(TestElection.GROUP);
        EncryptedBallot ballot = codec.ballot(RecordCodec.root(js.path("ballot"), "ballot"));

        assertThat(BallotChecks.verifyAll(test.election.proofContext(), test.election.manifest(), test.election.key(), ballot)).isEmpty();
        assertThat(Bytes.hex(ballot.hash(test.election.manifest().hash()))).isEqualTo(js.path("hash").asText());
        assertThat(codec.ballot(ballot)).isEqualTo(js.path("ballot"));
        List<List<Long>> decrypted = ballot.contests().stream()
                .map(c -> c.selections().stream().map(s -> test.decrypt(s.ciphertext())).toList()).toList();
        assertThat(decrypted).isEqualTo(List.of(List.of(0L, 0L, 1L), List.of(1L)));

        BallotBoard board = new BallotBoard(test.election.proofContext(), test.election.manifest(), test.election.key(), test.election.credentials());
        assertThat(board.cast(ballot)).isInstanceOf(Submission.Accepted.class);
    }

    @Test
    void the_browser_scripts_opening_of_a_challenged_ballot_is_accepted_by_the_java_opening_check() throws Exception {
        TestElection test = TestElection.create("js-interop", 1);
        JsonNode js = encryptWithTheBrowserScript(test, 0, "[[1, 0, 0], [0]]");
        ObjectNode entry = TestElection.JSON.createObjectNode();
        entry.put("kind", "challenged");
        entry.set("ballot", js.path("ballot"));
        entry.set("reveal", js.path("reveal"));
        entry.put("trackingCode", TrackingCode.start(test.election.manifest().hash()).hex());
        BoardEntry.Challenged challenged = (BoardEntry.Challenged) new RecordCodec(TestElection.GROUP).boardEntry(RecordCodec.root(entry, "entry"));

        assertThat(BallotChecks.opening(test.election.manifest(), test.election.key(), challenged.ballot(), challenged.reveal())).isEmpty();
        assertThat(challenged.reveal().plaintexts()).isEqualTo(List.of(List.of(1L, 0L, 0L), List.of(0L)));
    }

    @Test
    void a_browser_ballot_whose_ciphertext_is_swapped_is_refused_by_the_java_checks() throws Exception {
        TestElection test = TestElection.create("js-interop", 1);
        JsonNode js = encryptWithTheBrowserScript(test, 0, "[[0, 1, 0], [1]]");
        ObjectNode ballotJson = (ObjectNode) js.path("ballot").deepCopy();
        ObjectNode first = (ObjectNode) ballotJson.path("contests").path(0).path("selections").path(0);
        ObjectNode second = (ObjectNode) ballotJson.path("contests").path(0).path("selections").path(1);
        JsonNode alpha = first.get("alpha");
        JsonNode beta = first.get("beta");
        first.set("alpha", second.get("alpha"));
        first.set("beta", second.get("beta"));
        second.set("alpha", alpha);
        second.set("beta", beta);
        EncryptedBallot ballot = new RecordCodec(TestElection.GROUP).ballot(RecordCodec.root(ballotJson, "ballot"));

        assertThat(BallotChecks.verifyAll(test.election.proofContext(), test.election.manifest(), test.election.key(), ballot)).isPresent();
        Ciphertext unchanged = ballot.contests().get(1).selections().get(0).ciphertext();
        assertThat(test.decrypt(unchanged)).isEqualTo(1L);
    }
}
