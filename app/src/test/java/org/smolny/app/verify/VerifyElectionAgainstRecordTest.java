package org.smolny.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.SmolnyCli;
import org.smolny.app.config.ListenAddress;
import org.smolny.app.config.SmolnyConfig;
import org.smolny.app.demo.DemoCommand;
import org.smolny.app.demo.DemoElection;
import org.smolny.app.demo.DemoSeeder;
import org.smolny.app.serve.RecordServer;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.web.ballot.OpenElection;

/**
 * {@code smolny verify election DIR --record EXPORT}: the demo referendum, voted on over HTTP, then checkpointed,
 * exported, tallied and decrypted with the documented commands (docs/ballot.md, "How to verify an election end to
 * end"), passes checks 1–27; a board that leaves out a recorded ballot exits 1; usage errors exit 2.
 */
class VerifyElectionAgainstRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void the_demo_referendum_verifies_end_to_end_against_the_signed_record_and_a_dropped_ballot_exits_1() throws Exception {
        SmolnyConfig config = SmolnyConfig.load(folder.resolve("smolny-data"), Map.of())
                .withListen(new ListenAddress("127.0.0.1", 0)).withOrganisation(DemoSeeder.NAME);
        Path data = config.dataDirectory();
        List<String> codes = new ArrayList<>();
        try (RecordServer server = DemoCommand.start(config, new DemoSeeder(data, 1, 16))) {
            List<String> credentials = DemoElection.ensure(data);
            OpenElection election = OpenElection.fromRecordDirectory(DemoElection.ID, DemoElection.directory(data));
            for (int voter = 0; voter < 3; voter++) {
                codes.add(cast(server, election, credentials.get(voter), List.of(List.of(1L, 0L), List.of(0L, voter % 2 == 0 ? 1L : 0L))));
            }
        }
        String db = data.resolve(RecordServer.DATABASE).toString();
        String dir = DemoElection.directory(data).toString();
        String export = folder.resolve("public-record").toString();
        Path trustees = DemoElection.directory(data).resolve(DemoElection.TRUSTEES);
        assertThat(SmolnyCli.run("record", "checkpoint", "--db", db).exitCode()).isZero();
        assertThat(SmolnyCli.run("record", "export", "--db", db, export).exitCode()).isZero();
        assertThat(SmolnyCli.run("election", "tally", "--dir", dir).exitCode()).isZero();
        assertThat(SmolnyCli.run("trustee", "decrypt", "--dir", dir, "--secrets", trustees.resolve("trustee-1.secrets").toString()).exitCode()).isZero();
        assertThat(SmolnyCli.run("trustee", "decrypt", "--dir", dir, "--secrets", trustees.resolve("trustee-2.secrets").toString()).exitCode()).isZero();
        assertThat(SmolnyCli.run("election", "decrypt", "--dir", dir).exitCode()).isZero();

        SmolnyCli.Run verified = SmolnyCli.run("verify", "election", dir, "--record", export, "--receipt", codes.get(1));
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("note: trusting the log key in", "ok   check 22", "ok   check 24",
                "ok   check 25", "ok   check 26", "ok   check 27", "--   check 23", "VALID");
        SmolnyCli.Run withKey = SmolnyCli.run("verify", "election", dir, "--record", export,
                "--log-key", data.resolve("keys").resolve("log.pub").toString(), "--election", DemoElection.ID);
        assertThat(withKey.exitCode()).as(withKey.out()).isZero();
        assertThat(withKey.out()).doesNotContain("note: trusting");

        copy(Path.of(export), DemoElection.directory(data).resolve("record"));
        SmolnyCli.Run inside = SmolnyCli.run("verify", "election", dir);
        assertThat(inside.exitCode()).as(inside.out()).isZero();
        assertThat(inside.out()).contains("note: checking the board against the record export in", "ok   check 27");

        Path board = DemoElection.directory(data).resolve(ElectionRecordFiles.BOARD);
        List<String> lines = Files.readAllLines(board, StandardCharsets.UTF_8);
        Files.write(board, lines.subList(0, 2), StandardCharsets.UTF_8);
        SmolnyCli.Run dropped = SmolnyCli.run("verify", "election", dir, "--record", export);
        assertThat(dropped.exitCode()).isEqualTo(1);
        assertThat(dropped.out()).contains("FAIL check 25", "check 25 failed at record entry", codes.get(2), "INVALID");
    }

    @Test
    void record_options_without_a_record_export_a_missing_export_and_a_bad_key_are_usage_errors() throws Exception {
        Path dir = Files.createDirectories(folder.resolve("election"));
        Path export = Files.createDirectories(folder.resolve("export"));

        SmolnyCli.Run keyAlone = SmolnyCli.run("verify", "election", dir.toString(), "--log-key", "x+01234567+AAAA");
        assertThat(keyAlone.exitCode()).isEqualTo(2);
        assertThat(keyAlone.err()).contains("give --record EXPORT-DIR");

        SmolnyCli.Run missing = SmolnyCli.run("verify", "election", dir.toString(), "--record", folder.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a directory");

        SmolnyCli.Run badKey = SmolnyCli.run("verify", "election", dir.toString(), "--record", export.toString(), "--log-key", "not-a-key");
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err()).contains("--log-key is not a log public key");

        SmolnyCli.Run noKey = SmolnyCli.run("verify", "election", dir.toString(), "--record", export.toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("holds no log.pub");
    }

    private static String cast(RecordServer server, OpenElection election, String credential, List<List<Long>> marks) throws Exception {
        VoterCredential voter = new VoterCredential(P256Group.instance().secret(new BigInteger(credential, 16)));
        BallotEncryptor.Encrypted encrypted = BallotEncryptor.encrypt(election.proofContext(), election.manifest(),
                election.key(), voter, marks, new SecureRandom());
        String ballot = new RecordCodec(P256Group.instance()).ballot(encrypted.ballot()).toString();
        HttpResponse<String> cast = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/ballot/" + election.id() + "/cast"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ballot)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
        return JSON.readTree(cast.body()).path("trackingCode").asText();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
