package org.smolny.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.smolny.app.election.ElectionCommand;
import org.smolny.app.trustee.TrusteeCommand;
import org.smolny.app.verify.VerifyCommand;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.serve.RecordServer;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.web.ballot.OpenElection;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's secret ballot: made once, served beside the demo union, a ballot cast on it stays through a restart. */
class DemoElectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private static HttpResponse<String> send(RecordServer server, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(RecordServer server, String path, String accept) throws Exception {
        return send(server, HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).header("Accept", accept));
    }

    @Test
    void a_ballot_cast_with_a_printed_demo_credential_is_on_the_board_and_stays_there_after_a_restart() throws Exception {
        Path data = SmallDemo.config(folder).dataDirectory();
        String code;
        byte[] jointKey;
        try (RecordServer server = SmallDemo.start(folder)) {
            assertThat(get(server, "/ballot/demo-referendum", "text/html").statusCode()).isEqualTo(200);
            assertThat(get(server, "/ballot", "text/html").body()).contains("href=\"/ballot/demo-referendum\"");

            List<String> credentials = DemoElection.ensure(data);
            assertThat(credentials).hasSize(DemoElection.VOTERS).allMatch(c -> c.matches("[0-9a-f]{64}"));
            Path directory = DemoElection.directory(data);
            OpenElection election = OpenElection.fromRecordDirectory(DemoElection.ID, directory);
            VoterCredential voter = new VoterCredential(P256Group.instance().secret(new BigInteger(credentials.get(1), 16)));
            BallotEncryptor.Encrypted encrypted = BallotEncryptor.encrypt(election.proofContext(), election.manifest(),
                    election.key(), voter, List.of(List.of(1L, 0L), List.of(0L, 1L)), new SecureRandom());
            String ballot = new RecordCodec(P256Group.instance()).ballot(encrypted.ballot()).toString();

            HttpResponse<String> cast = send(server, HttpRequest.newBuilder(URI.create(server.url() + "api/ballot/demo-referendum/cast"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ballot)));

            assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
            code = JSON.readTree(cast.body()).path("trackingCode").asText();
            assertThat(board(server).findValuesAsText("trackingCode")).containsExactly(code);
            jointKey = Files.readAllBytes(directory.resolve(ElectionRecordFiles.JOINT_KEY));
        }
        Path directory = DemoElection.directory(data);
        assertThat(new ElectionRecordFiles(directory, P256Group.instance()).readBoard()).hasSize(1);
        try (RecordServer restarted = SmallDemo.start(folder)) {
            assertThat(restarted.councilUnavailable()).as("the council folds past the ballot entries").isEmpty();
            assertThat(restarted.electionsUnavailable()).isEmpty();
            assertThat(board(restarted).findValuesAsText("trackingCode")).containsExactly(code);
            assertThat(Files.readAllBytes(directory.resolve(ElectionRecordFiles.JOINT_KEY)))
                    .as("the election is made once: a restart keeps its key").isEqualTo(jointKey);
        }

        String dir = directory.toString();
        Path trustees = directory.resolve(DemoElection.TRUSTEES);
        assertThat(run(new ElectionCommand(), "tally", "--dir", dir)).isZero();
        assertThat(run(new TrusteeCommand(), "decrypt", "--dir", dir, "--secrets", trustees.resolve("trustee-1.secrets").toString())).isZero();
        assertThat(run(new TrusteeCommand(), "decrypt", "--dir", dir, "--secrets", trustees.resolve("trustee-3.secrets").toString())).isZero();
        assertThat(run(new ElectionCommand(), "decrypt", "--dir", dir)).isZero();
        assertThat(new ElectionRecordFiles(directory, P256Group.instance()).readDecryption().counts())
                .as("the one ballot: yes to the first question, no to the second").isEqualTo(List.of(List.of(1L, 0L), List.of(0L, 1L)));
        assertThat(run(new VerifyCommand(), "election", dir, "--receipt", code)).isZero();
    }

    private static int run(Object command, String... arguments) {
        return new CommandLine(command).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(System.err, true))
                .execute(arguments);
    }

    @Test
    void the_demo_trustees_secrets_and_voters_credentials_are_owner_only_and_labelled_demo_only() throws Exception {
        Path data = SmallDemo.config(folder).dataDirectory();
        DemoElection.ensure(data);
        Path directory = DemoElection.directory(data);
        Path trustees = directory.resolve(DemoElection.TRUSTEES);
        for (int trustee = 1; trustee <= 3; trustee++) {
            Path secrets = trustees.resolve("trustee-" + trustee + ".secrets");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(trustees.resolve("README.txt"), StandardCharsets.UTF_8)).startsWith("DEMO ONLY.");
        Path credentials = directory.resolve(DemoElection.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(Files.readString(credentials, StandardCharsets.UTF_8)).startsWith("# DEMO ONLY");
        assertThat(new ElectionRecordFiles(directory, P256Group.instance()).readCredentials()).hasSize(DemoElection.VOTERS);
    }

    @Test
    void an_election_directory_that_cannot_be_opened_is_named_at_start_up_and_the_rest_is_served() throws Exception {
        Path broken = SmallDemo.config(folder).dataDirectory().resolve("elections").resolve("half-made");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve(ElectionRecordFiles.MANIFEST), "{not a manifest");
        try (RecordServer server = SmallDemo.start(folder)) {
            assertThat(server.electionsUnavailable()).singleElement().asString()
                    .contains("'half-made'", broken.toAbsolutePath().toString());
            assertThat(get(server, "/ballot/demo-referendum", "text/html").statusCode()).isEqualTo(200);
            assertThat(get(server, "/ballot/half-made", "text/html").statusCode()).isEqualTo(404);
        }
    }

    private static JsonNode board(RecordServer server) throws Exception {
        return JSON.readTree(get(server, "/api/ballot/demo-referendum/board", "application/json").body());
    }
}
