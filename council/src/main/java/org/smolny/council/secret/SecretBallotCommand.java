package org.smolny.council.secret;

import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.council.command.Command;
import org.smolny.council.congress.AmendmentId;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.ElectionId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;

import java.util.List;

/**
 * Commands of secret ballots. A secret ballot is opened with everything fixed in advance (the manifest the tellers'
 * key ceremony was held for, the joint key, the public credential list), closed with the board read from the record
 * (every entry verified, the encrypted tally computed), and decided with the tellers' partial decryptions (every
 * proof verified). {@link SecretBallotDesk} lists the rules.
 */
public sealed interface SecretBallotCommand extends Command {

    /** The secret ballot the command acts on (its ballot box's election id). */
    String ballot();

    /**
     * The chair puts a question of the congress (a motion, or an amendment to it) to a secret vote. {@code weighting}
     * says what a seat's vote weighs ({@code NAMED}: one; {@code CARD}: the seat's cards). {@code manifest} must be
     * {@link SecretQuestions#congressVote}'s for this question; {@code key} is the result of the tellers' key
     * ceremony for it; {@code credentials} hold one public credential per seat, with its weight; trustee i is
     * {@code tellers.get(i - 1)}.
     */
    record OpenSecretVote(String ballot, CongressId congress, MotionId motion, AmendmentId amendment, VoteMode weighting,
                          Manifest manifest, JointKeyRecord key, List<PublicCredential> credentials, List<MemberId> tellers)
            implements SecretBallotCommand {
    }

    /**
     * A scheduled election of a mandate is held by secret ballot: the candidates stand on the manifest
     * ({@link SecretQuestions#mandateElection}), one credential of weight 1 per elector of the post's electorate.
     */
    record OpenSecretElection(String ballot, ElectionId election, List<MemberId> candidates, Manifest manifest,
                              JointKeyRecord key, List<PublicCredential> credentials, List<MemberId> tellers)
            implements SecretBallotCommand {
    }

    /**
     * The ballot box closes: {@code board} is every board entry of this ballot on the record, in record order (the
     * {@code ballot.cast} and {@code ballot.challenged} entries whose {@code body.election} is the ballot's id).
     */
    record CloseBallotBox(String ballot, List<BoardEntry> board) implements SecretBallotCommand {
    }

    /**
     * The tellers' partial decryptions of {@code tally} (the tally they decrypted: it must be the one recorded when the
     * box closed) decide the ballot.
     */
    record DecryptBallot(String ballot, EncryptedTally tally, List<PartialDecryption> partials) implements SecretBallotCommand {
    }
}
