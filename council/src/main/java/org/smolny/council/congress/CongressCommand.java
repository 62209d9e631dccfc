package org.smolny.council.congress;

import org.smolny.council.command.Command;
import org.smolny.council.election.ElectionId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.LineEdit;
import org.smolny.council.motion.MajorityRule;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.List;

/**
 * Commands of a congress. The acting member ({@code by}) matters: the chair conducts, delegates speak, move and vote,
 * movers withdraw. {@link CongressPolicy} lists every rule that applies.
 */
public sealed interface CongressCommand extends Command {

    /** The congress the command acts on. */
    CongressId congress();

    /**
     * Convene the congress of {@code unit}: regularly (to open by the statutory date) or on a members' petition that
     * reached its threshold. The holders of {@code delegatePost} mandates sit; holders of {@code alternatePost}
     * (optional) may take an absent delegate's seat.
     */
    record ConveneCongress(CongressId congress, UnitId unit, ConveningKind kind, String delegatePost, String alternatePost,
                           MemberId chair, Instant opensAt) implements CongressCommand {
    }

    /** The credentials committee checks a delegate's mandate and seats them. */
    record AccreditDelegate(CongressId congress, MandateId mandate) implements CongressCommand {
    }

    /** An alternate of the same electorate takes the seat of an absent delegate. */
    record SeatAlternate(CongressId congress, MandateId seat, MandateId alternateMandate) implements CongressCommand {
    }

    /** The occupant of a seat (or its delegate, returning) arrives or leaves. */
    record RecordAttendance(CongressId congress, MandateId seat, MemberId member, boolean present) implements CongressCommand {
    }

    /** The chair opens the congress; refused without the quorum. */
    record OpenCongress(CongressId congress) implements CongressCommand {
    }

    /** The congress adopts its agenda. */
    record AdoptAgenda(CongressId congress, List<AgendaItem> items) implements CongressCommand {
    }

    /** The chair takes an agenda item (numbered from 1). */
    record TakeItem(CongressId congress, int item) implements CongressCommand {
    }

    /** The acting delegate asks to speak on the current item. */
    record AskToSpeak(CongressId congress, Side side) implements CongressCommand {
    }

    /** The chair calls the next speaker: points of order first, then for and against in turn. */
    record CallNextSpeaker(CongressId congress) implements CongressCommand {
    }

    /**
     * The acting delegate tables a motion under an agenda item. Its quorum and majority are the statutes' for
     * {@code decision}; {@code majority}, when given, asks for a stricter majority than the statutes.
     */
    record TableMotion(CongressId congress, MotionId motion, int item, String title, MotionText text, DecisionType decision,
                       MajorityRule majority) implements CongressCommand {
    }

    /** The acting delegate moves an amendment to lines of a motion. */
    record MoveAmendment(CongressId congress, AmendmentId amendment, MotionId motion, LineEdit edit) implements CongressCommand {
    }

    /**
     * The chair merges motions of one item, type and majority into one composite motion, moved by all their movers
     * (any of whom can withdraw it); the wording is agreed with them beforehand.
     */
    record CompositeMotions(CongressId congress, MotionId composite, List<MotionId> parts, String title, MotionText text)
            implements CongressCommand {
    }

    /** The mover withdraws a motion before its vote. */
    record WithdrawMotion(CongressId congress, MotionId motion) implements CongressCommand {
    }

    /** The mover withdraws an amendment before its vote. */
    record WithdrawAmendment(CongressId congress, AmendmentId amendment) implements CongressCommand {
    }

    /** The mover agrees to remit the motion to a body of the organisation. */
    record RemitMotion(CongressId congress, MotionId motion, String body) implements CongressCommand {
    }

    /** The chair puts a question to the vote: an amendment, or the motion itself ({@code amendment} null). */
    record OpenVote(CongressId congress, MotionId motion, AmendmentId amendment, VoteMode mode) implements CongressCommand {
    }

    /** The acting delegate (or alternate) votes on the open question. */
    record CastVote(CongressId congress, Position position) implements CongressCommand {
    }

    /** The chair closes the vote; the result and its rule are computed and recorded. */
    record CloseVote(CongressId congress) implements CongressCommand {
    }

    /** Delegates publish a minority platform or counter-motion, beside the majority's motions. */
    record PublishPlatform(CongressId congress, PlatformId platform, PlatformKind kind, MotionId answers, String title,
                           MotionText text, List<MemberId> signatories) implements CongressCommand {
    }

    /** The acting delegate adds their signature to a published platform or counter-motion. */
    record SignPlatform(CongressId congress, PlatformId platform) implements CongressCommand {
    }

    /** A request to remove a platform from the congress. Always refused (drill D8). */
    record RemovePlatform(CongressId congress, PlatformId platform, String reason) implements CongressCommand {
    }

    /**
     * The congress elects the seats of a scheduled election (for example, the executive) by ranked ballots, counted
     * by {@code method} (a name from {@code org.smolny.count.Counting}, {@code stv-scottish} for proportional
     * representation). Each ballot is a voter's ranking, most preferred first, without the voter's name.
     */
    record ElectBody(CongressId congress, ElectionId election, String method, List<MemberId> candidates,
                     List<List<MemberId>> ballots) implements CongressCommand {
    }

    /**
     * The chair opens an election of a body for ranked ballots cast one by one: each seat's occupant casts one ranked
     * ballot ({@link CastRankedBallot}) until the chair closes it ({@link CloseElection}). {@code method} is one of
     * {@link CongressElection#RANKED_METHODS} ({@code stv-scottish} when null); {@code mode} {@code CARD} weighs each
     * ballot by the seat's cards, {@code NAMED} (or null) one each. The ballots are public, as every open vote is.
     */
    record OpenElection(CongressId congress, ElectionId election, String method, List<MemberId> candidates, VoteMode mode)
            implements CongressCommand {
    }

    /**
     * The acting delegate (or the alternate in their seat) casts the seat's ranked ballot in an open election:
     * candidates most preferred first. A ballot cast again before the close replaces the seat's earlier one.
     */
    record CastRankedBallot(CongressId congress, ElectionId election, List<MemberId> ranking) implements CongressCommand {
    }

    /** The chair closes an election opened for ranked ballots: they are counted and the result recorded. */
    record CloseElection(CongressId congress, ElectionId election) implements CongressCommand {
    }

    /** The chair gives the current agenda item {@code minutes} more, for a reason that goes on the record. */
    record ExtendItem(CongressId congress, int item, int minutes, String reason) implements CongressCommand {
    }

    /** The chair closes the congress. */
    record CloseCongress(CongressId congress) implements CongressCommand {
    }
}
