package org.smolny.app.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.app.SmolnyCli.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.SmolnyCli.Run;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.BallotEncryptor;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.tally.BallotBoard;
import org.smolny.ballot.tally.Submission;

class ElectionCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void a_simulated_election_verifies_and_a_dropped_ballot_fails_check_14() throws Exception {
        Path dir = tmp.resolve("sim");
        Run simulate = run("election", "simulate", "--voters", "8", "--selections", "2", "--trustees", "3",
                "--threshold", "2", "--out", dir.toString());
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        Run ok = run("verify", "election", dir.toString());
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("VALID: every check passed");

        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("board.jsonl")));
        lines.remove(3);
        Files.write(dir.resolve("board.jsonl"), lines, StandardCharsets.UTF_8);
        Run bad = run("verify", "election", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("FAIL check 14").contains("check 14 failed at board.jsonl line 4");
    }

    @Test
    void verify_election_of_a_missing_directory_exits_1_and_a_bad_option_exits_2() {
        assertThat(run("verify", "election", tmp.resolve("nothing").toString()).exitCode()).isEqualTo(1);
        assertThat(run("verify", "election", "--threads", "x", tmp.toString()).exitCode()).isEqualTo(2);
        assertThat(run("election", "simulate", "--voters", "3").exitCode()).isEqualTo(2);
    }

    @Test
    void three_trustees_run_the_ceremony_and_two_of_them_decrypt_a_verified_result() throws Exception {
        Path dir = tmp.resolve("election");
        Path draft = tmp.resolve("draft.json");
        Files.writeString(draft, """
                {"v":1,"electionId":"council-2026","title":"Council election","group":"P-256",
                 "trustees":3,"threshold":2,
                 "contests":[{"id":"chair","title":"Chair","selections":["Ada","Bea","Cy"],"limitKind":"exactly","limit":1},
                             {"id":"motion-7","title":"Motion 7","selections":["yes"],"limitKind":"at-most","limit":1}]}
                """);
        assertThat(run("election", "init", "--manifest", draft.toString(), "--dir", dir.toString()).exitCode()).isZero();
        for (String step : List.of("generate", "share", "confirm")) {
            for (int i = 1; i <= 3; i++) {
                List<String> args = new ArrayList<>(List.of("trustee", step, "--dir", dir.toString(), "--secrets",
                        tmp.resolve("trustee-" + i + ".secrets").toString()));
                if (step.equals("generate")) {
                    args.addAll(List.of("--index", Integer.toString(i)));
                }
                Run r = run(args.toArray(String[]::new));
                assertThat(r.exitCode()).as(step + " " + i + ": " + r.err()).isZero();
            }
        }
        assertThat(Files.getPosixFilePermissions(tmp.resolve("trustee-1.secrets")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Run open = run("election", "open", "--dir", dir.toString());
        assertThat(open.exitCode()).as(open.err()).isZero();

        // voting: the server's board accepts ballots signed with listed credentials
        ElectionDir e = ElectionDir.open(dir);
        ElectionPublicKey key = new ElectionPublicKey(e.files().readJointKey().jointKey());
        SecureRandom random = new SecureRandom();
        List<VoterCredential> voters = List.of(VoterCredential.generate(P256Group.instance(), random),
                VoterCredential.generate(P256Group.instance(), random),
                VoterCredential.generate(P256Group.instance(), random));
        List<PublicCredential> list = List.of(new PublicCredential(voters.get(0).publicKey(), 1),
                new PublicCredential(voters.get(1).publicKey(), 1), new PublicCredential(voters.get(2).publicKey(), 40));
        BallotBoard board = new BallotBoard(e.context(), e.manifest(), key, list);
        List<List<List<Long>>> votes = List.of(
                List.of(List.of(1L, 0L, 0L), List.of(1L)),
                List.of(List.of(0L, 1L, 0L), List.of(0L)),
                List.of(List.of(0L, 1L, 0L), List.of(1L)));
        for (int v = 0; v < 3; v++) {
            Submission s = board.cast(BallotEncryptor.encrypt(e.context(), e.manifest(), key, voters.get(v),
                    votes.get(v), random).ballot());
            assertThat(s).isInstanceOf(Submission.Accepted.class);
        }
        e.files().writeCredentials(list);
        e.files().writeBoard(board.entries());

        assertThat(run("election", "tally", "--dir", dir.toString()).exitCode()).isZero();
        for (int i : new int[] {1, 3}) {
            assertThat(run("trustee", "decrypt", "--dir", dir.toString(), "--secrets",
                    tmp.resolve("trustee-" + i + ".secrets").toString()).exitCode()).isZero();
        }
        Run decrypt = run("election", "decrypt", "--dir", dir.toString());
        assertThat(decrypt.exitCode()).as(decrypt.err()).isZero();
        assertThat(decrypt.out()).contains("decrypted by trustees [1, 3]: [[1, 41, 0], [41]]");
        Run verify = run("verify", "election", dir.toString(), "--receipt",
                board.entries().get(2).trackingCode().hex());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    @Test
    void a_trustee_cannot_decrypt_before_confirming_and_one_trustee_alone_cannot_decrypt() throws Exception {
        Path dir = tmp.resolve("e");
        Path draft = tmp.resolve("draft.json");
        Files.writeString(draft, "{\"v\":1,\"electionId\":\"x\",\"title\":\"X\",\"group\":\"P-256\",\"trustees\":2,"
                + "\"threshold\":2,\"contests\":[{\"id\":\"q\",\"title\":\"Q\",\"selections\":[\"yes\"],"
                + "\"limitKind\":\"at-most\",\"limit\":1}]}");
        assertThat(run("election", "init", "--manifest", draft.toString(), "--dir", dir.toString()).exitCode()).isZero();
        Run again = run("election", "init", "--manifest", draft.toString(), "--dir", dir.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("never replaced");
        assertThat(run("trustee", "generate", "--dir", dir.toString(), "--secrets", tmp.resolve("t1").toString(),
                "--index", "1").exitCode()).isZero();
        Run share = run("trustee", "share", "--dir", dir.toString(), "--secrets", tmp.resolve("t1").toString());
        assertThat(share.exitCode()).isEqualTo(1);
        assertThat(share.err()).contains("announcement-2.json");
    }

    @Test
    void a_trustee_refuses_to_confirm_when_a_share_sent_to_it_was_tampered_with() throws Exception {
        Path dir = tmp.resolve("tampered");
        Path draft = tmp.resolve("draft3.json");
        Files.writeString(draft, "{\"v\":1,\"electionId\":\"t\",\"title\":\"T\",\"group\":\"P-256\",\"trustees\":3,"
                + "\"threshold\":2,\"contests\":[{\"id\":\"q\",\"title\":\"Q\",\"selections\":[\"yes\"],"
                + "\"limitKind\":\"at-most\",\"limit\":1}]}");
        assertThat(run("election", "init", "--manifest", draft.toString(), "--dir", dir.toString()).exitCode()).isZero();
        for (String step : List.of("generate", "share")) {
            for (int i = 1; i <= 3; i++) {
                List<String> args = new ArrayList<>(List.of("trustee", step, "--dir", dir.toString(), "--secrets",
                        tmp.resolve("t3-" + i).toString()));
                if (step.equals("generate")) {
                    args.addAll(List.of("--index", Integer.toString(i)));
                }
                assertThat(run(args.toArray(String[]::new)).exitCode()).isZero();
            }
        }
        Path shares = dir.resolve("ceremony/shares-3.json");
        String json = Files.readString(shares);
        int at = json.indexOf("\"ciphertext\":\"") + 14;
        char c = json.charAt(at);
        Files.writeString(shares, json.substring(0, at) + (c == '0' ? '1' : '0') + json.substring(at + 1));
        int recipient = 1; // the first share in trustee 3's file is the one for trustee 1
        Run confirm = run("trustee", "confirm", "--dir", dir.toString(), "--secrets",
                tmp.resolve("t3-" + recipient).toString());
        assertThat(confirm.exitCode()).isEqualTo(1);
        assertThat(confirm.err()).contains("trustee 3: the share does not decrypt");
        assertThat(Files.exists(dir.resolve("ceremony/confirmation-" + recipient + ".json"))).isFalse();
    }
}
