package org.smolny.council.secret;

import org.junit.jupiter.api.Test;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.council.Council;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.member.MemberId;
import org.smolny.council.scenario.TestOrganisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public credential list of a large electorate on the record: published in parts that each stay under the
 * record's 64 KiB, announced by size and digest, and folded back only in order and complete.
 */
class SecretCredentialListTest {

    private static final int ELECTORS = 600;

    private final TestOrganisation union = TestOrganisation.nationalUnion();
    private final List<MemberId> electors;
    private final ElectionId election;

    SecretCredentialListTest() {
        electors = union.admit(union.docks, ELECTORS);
        union.passProbation();
        election = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(election, "branch-secretary", union.docks, 1,
                union.clock.instant().plus(Duration.ofDays(14))), null);
    }

    private SecretBallotCommand.OpenSecretElection open(List<MemberId> candidates, int threshold) {
        Manifest manifest = SecretQuestions.mandateElection("docks-secretary", "branch-secretary", "Docks", 1, candidates,
                new CeremonyParameters(3, threshold));
        Tellers tellers = new Tellers(manifest);
        List<PublicCredential> credentials = new ArrayList<>();
        for (int index = 0; index < ELECTORS; index++) {
            credentials.add(new PublicCredential(VoterCredential.generate(P256Group.instance(), Tellers.RANDOM).publicKey(), 1));
        }
        return new SecretBallotCommand.OpenSecretElection("docks-secretary", election, candidates, manifest, tellers.key, credentials,
                electors.subList(ELECTORS - 3, ELECTORS));
    }

    @Test
    void six_hundred_credentials_go_on_the_record_in_three_parts_each_under_64_KiB_and_fold_back_complete() throws MalformedEntryException {
        union.accept(open(electors.subList(0, 2), 2), electors.get(10));

        List<SecretBallotEvent.CredentialsPublished> parts = union.events(SecretBallotEvent.CredentialsPublished.class);
        assertThat(parts).extracting(SecretBallotEvent.CredentialsPublished::part).containsExactly(1, 2, 3);
        for (Entry entry : union.record) {
            assertThat(EntryCodec.toBytes(entry).length).isLessThan(64 * 1024);
        }
        List<Entry> decoded = new ArrayList<>();
        for (Entry entry : union.record) {
            decoded.add(EntryCodec.fromJson(EntryCodec.toJson(entry)));
        }
        Council rebuilt = Council.rebuild(union.org, decoded);
        SecretBallot ballot = rebuilt.state().secretBallots().find("docks-secretary").orElseThrow();
        assertThat(ballot.credentials()).hasSize(ELECTORS);
        assertThat(ballot.credentialsComplete()).isTrue();
        assertThat(rebuilt.state()).isEqualTo(union.council.state());
    }

    @Test
    void parts_of_the_credential_list_out_of_order_stop_the_rebuild_with_the_reason() {
        union.accept(open(electors.subList(0, 2), 2), electors.get(10));
        List<Entry> swapped = new ArrayList<>(union.record);
        int first = swapped.indexOf(swapped.stream().filter(entry -> entry.event() instanceof SecretBallotEvent.CredentialsPublished)
                .findFirst().orElseThrow());
        Collections.swap(swapped, first, first + 1);

        assertThatThrownBy(() -> Council.rebuild(union.org, swapped)).isInstanceOf(IllegalStateException.class)
                .hasMessage("part 2 of the credentials of secret ballot docks-secretary is out of order: part 1 of 3 was next");
    }

    @Test
    void a_ballot_whose_decryption_would_not_fit_one_entry_is_refused_at_opening() {
        String reason = union.reject(open(electors.subList(0, 51), 2), electors.get(100));

        assertThat(reason).isEqualTo("the tellers' partial decryptions (51 selection(s) × threshold 2) would not fit one record"
                + " entry: at most 100 shares, so fewer candidates or a lower threshold");
    }
}
