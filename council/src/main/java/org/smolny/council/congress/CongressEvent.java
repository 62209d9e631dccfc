package org.smolny.council.congress;

import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.meeting.ConveningId;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.Decision;
import org.smolny.council.motion.MajorityRule;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every event of congresses and motions, one record per type, all listed here with their type names in
 * {@link #TYPES} (registered in the council's {@code EventTypes}). Each record checks itself. Every event names its
 * congress and the congress's unit.
 */
public sealed interface CongressEvent extends CouncilEvent.OfCongress {

    /** The most signatories a platform is published with (so that it fits one entry); others sign it afterwards. */
    int MAX_FIRST_SIGNATORIES = 100;

    /** The congress the event belongs to. */
    CongressId congress();

    /** The type name of every congress event, in the order listed. */
    Map<String, Class<? extends CongressEvent>> TYPES = types();

    private static Map<String, Class<? extends CongressEvent>> types() {
        Map<String, Class<? extends CongressEvent>> types = new LinkedHashMap<>();
        types.put("congress.convened", CongressConvened.class);
        types.put("delegate.accredited", DelegateAccredited.class);
        types.put("alternate.seated", AlternateSeated.class);
        types.put("attendance.recorded", AttendanceRecorded.class);
        types.put("congress.opened", CongressOpened.class);
        types.put("agenda.adopted", AgendaAdopted.class);
        types.put("agenda-item.taken", ItemTaken.class);
        types.put("agenda-item.extended", ItemExtended.class);
        types.put("speaker.listed", SpeakerListed.class);
        types.put("speaker.called", SpeakerCalled.class);
        types.put("motion.tabled", MotionTabled.class);
        types.put("amendment.moved", AmendmentMoved.class);
        types.put("motions.composited", MotionsComposited.class);
        types.put("motion.withdrawn", MotionWithdrawn.class);
        types.put("amendment.withdrawn", AmendmentWithdrawn.class);
        types.put("motion.remitted", MotionRemitted.class);
        types.put("vote.opened", VoteOpened.class);
        types.put("vote.cast", VoteCast.class);
        types.put("vote.closed", VoteClosed.class);
        types.put("amendment.fell", AmendmentFell.class);
        types.put("platform.published", PlatformPublished.class);
        types.put("platform.signed", PlatformSigned.class);
        types.put("body.elected", BodyElected.class);
        types.put("election-ballots.recorded", ElectionBallotsRecorded.class);
        types.put("congress-election.opened", ElectionOpened.class);
        types.put("ranked-ballot.cast", RankedBallotCast.class);
        types.put("congress.closed", CongressClosed.class);
        return Collections.unmodifiableMap(types);
    }

    private static void need(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    private static void checkText(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
    }

    private static void checkDecision(String key) {
        if (DecisionType.fromKey(key) == null) {
            throw new IllegalArgumentException("unknown decision type '" + key + "'");
        }
    }

    /**
     * A congress was convened: regularly, by its officers, or by a members' petition ({@code convening} names it).
     * Delegates are the holders of {@code delegatePost} mandates in the unit and below; {@code alternatePost}, when
     * set, is the post whose holders may take an absent delegate's seat.
     */
    record CongressConvened(CongressId congress, UnitId unit, String body, ConveningKind kind, ConveningId convening,
                            String delegatePost, String alternatePost, MemberId chair, Instant opensAt)
            implements CongressEvent {
        public CongressConvened {
            need(congress, "the congress");
            need(unit, "the unit");
            checkText(body, "the body", 64);
            need(kind, "why the congress meets");
            if ((kind == ConveningKind.PETITION) != (convening != null)) {
                throw new IllegalArgumentException("a congress forced by petition names the petition; a regular one names none");
            }
            checkText(delegatePost, "the delegates' post", 64);
            need(chair, "the chair");
            need(opensAt, "the opening date");
        }
    }

    /** The credentials of a delegate were checked against their mandate: they sit, with {@code cards} members behind them. */
    record DelegateAccredited(CongressId congress, UnitId unit, MandateId mandate, MemberId delegate, UnitId electedIn,
                              long cards) implements CongressEvent {
        public DelegateAccredited {
            need(congress, "the congress");
            need(unit, "the unit");
            need(mandate, "the delegate's mandate");
            need(delegate, "the delegate");
            need(electedIn, "the unit that elected the delegate");
            if (cards < 0) {
                throw new IllegalArgumentException("a delegate represents zero or more members");
            }
        }
    }

    /** An alternate of the same electorate took the seat of an absent delegate. */
    record AlternateSeated(CongressId congress, UnitId unit, MandateId seat, MandateId alternateMandate, MemberId alternate)
            implements CongressEvent {
        public AlternateSeated {
            need(congress, "the congress");
            need(unit, "the unit");
            need(seat, "the seat (the absent delegate's mandate)");
            need(alternateMandate, "the alternate's mandate");
            need(alternate, "the alternate");
        }
    }

    /** The occupant of a seat arrived or left. A delegate's return ends an alternate's sitting in their seat. */
    record AttendanceRecorded(CongressId congress, UnitId unit, MandateId seat, MemberId member, boolean present)
            implements CongressEvent {
        public AttendanceRecorded {
            need(congress, "the congress");
            need(unit, "the unit");
            need(seat, "the seat");
            need(member, "the member");
        }
    }

    /** The congress opened with its quorum: {@code entitledSeats} seats, {@code entitledCards} members behind them. */
    record CongressOpened(CongressId congress, UnitId unit, int entitledSeats, long entitledCards, int presentSeats)
            implements CongressEvent {
        public CongressOpened {
            need(congress, "the congress");
            need(unit, "the unit");
            if (entitledSeats < 1 || presentSeats < 0 || presentSeats > entitledSeats || entitledCards < 0) {
                throw new IllegalArgumentException("a congress opens with at least one seat and no more present than seats");
            }
        }
    }

    /** The congress adopted its agenda; items are numbered from 1 in this order. */
    record AgendaAdopted(CongressId congress, UnitId unit, List<AgendaItem> items) implements CongressEvent {
        public AgendaAdopted {
            need(congress, "the congress");
            need(unit, "the unit");
            need(items, "the items");
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("an agenda has at least one item");
            }
        }
    }

    /** The chair took agenda item {@code item}; its time runs out at {@code endsAt}. */
    record ItemTaken(CongressId congress, UnitId unit, int item, Instant endsAt) implements CongressEvent {
        public ItemTaken {
            need(congress, "the congress");
            need(unit, "the unit");
            need(endsAt, "the end of the item's time");
            if (item < 1) {
                throw new IllegalArgumentException("agenda items are numbered from 1");
            }
        }
    }

    /** A delegate asked to speak on an item. */
    record SpeakerListed(CongressId congress, UnitId unit, int item, MemberId member, Side side) implements CongressEvent {
        public SpeakerListed {
            need(congress, "the congress");
            need(unit, "the unit");
            need(member, "the speaker");
            need(side, "the side");
        }
    }

    /** The chair called the next speaker, who may speak until {@code until}. */
    record SpeakerCalled(CongressId congress, UnitId unit, int item, MemberId member, Side side, Instant until)
            implements CongressEvent {
        public SpeakerCalled {
            need(congress, "the congress");
            need(unit, "the unit");
            need(member, "the speaker");
            need(side, "the side");
            need(until, "the end of the speaking time");
        }
    }

    /**
     * A motion was tabled under agenda item {@code item}: its text in numbered lines, the type of decision it is
     * (its quorum and majority come from the statutes) and the majority it needs ({@code majority}, a key of
     * {@link org.smolny.council.motion.MajorityRule}).
     */
    record MotionTabled(CongressId congress, UnitId unit, MotionId motion, int item, MemberId mover, String title,
                        List<String> lines, String decision, String majority) implements CongressEvent {
        public MotionTabled {
            need(congress, "the congress");
            need(unit, "the unit");
            need(motion, "the motion");
            need(mover, "the mover");
            checkText(title, "the motion's title", 300);
            lines = new MotionText(lines).lines();
            checkDecision(decision);
            MajorityRule.fromKey(majority);
        }
    }

    /** An amendment to lines of a motion was moved. Line numbers refer to the motion as tabled. */
    record AmendmentMoved(CongressId congress, UnitId unit, AmendmentId amendment, MotionId motion, MemberId mover,
                          EditKind edit, int fromLine, int toLine, List<String> lines) implements CongressEvent {
        public AmendmentMoved {
            need(congress, "the congress");
            need(unit, "the unit");
            need(amendment, "the amendment");
            need(motion, "the motion");
            need(mover, "the mover");
            need(edit, "what the amendment does");
            lines = List.copyOf(lines == null ? List.of() : lines);
            edit.edit(fromLine, toLine, lines);
        }
    }

    /** Several motions were merged into one composite motion, moved by their movers; the parts are no longer voted on. */
    record MotionsComposited(CongressId congress, UnitId unit, MotionId composite, List<MotionId> parts, int item,
                             List<MemberId> movers, String title, List<String> lines, String decision, String majority)
            implements CongressEvent {
        public MotionsComposited {
            need(congress, "the congress");
            need(unit, "the unit");
            need(composite, "the composite motion");
            parts = List.copyOf(parts);
            movers = List.copyOf(movers);
            if (parts.size() < 2 || new HashSet<>(parts).size() != parts.size()) {
                throw new IllegalArgumentException("a composite merges two or more different motions");
            }
            if (movers.isEmpty()) {
                throw new IllegalArgumentException("a composite has its movers");
            }
            checkText(title, "the composite's title", 300);
            lines = new MotionText(lines).lines();
            checkDecision(decision);
            MajorityRule.fromKey(majority);
        }
    }

    /** The mover withdrew a motion before it was put to the vote. */
    record MotionWithdrawn(CongressId congress, UnitId unit, MotionId motion) implements CongressEvent {
        public MotionWithdrawn {
            need(congress, "the congress");
            need(unit, "the unit");
            need(motion, "the motion");
        }
    }

    /** The mover withdrew an amendment before it was put to the vote. */
    record AmendmentWithdrawn(CongressId congress, UnitId unit, AmendmentId amendment) implements CongressEvent {
        public AmendmentWithdrawn {
            need(congress, "the congress");
            need(unit, "the unit");
            need(amendment, "the amendment");
        }
    }

    /** The mover agreed to remit the motion to {@code body}, which must report on it; it is not voted on. */
    record MotionRemitted(CongressId congress, UnitId unit, MotionId motion, String body) implements CongressEvent {
        public MotionRemitted {
            need(congress, "the congress");
            need(unit, "the unit");
            need(motion, "the motion");
            checkText(body, "the body it is remitted to", 64);
        }
    }

    /** The chair put a question to the vote: an amendment to a motion, or the motion ({@code amendment} null). */
    record VoteOpened(CongressId congress, UnitId unit, MotionId motion, AmendmentId amendment, VoteMode mode)
            implements CongressEvent {
        public VoteOpened {
            need(congress, "the congress");
            need(unit, "the unit");
            need(motion, "the motion");
            need(mode, "how the congress votes");
        }
    }

    /**
     * The occupant of a seat voted, in public: {@code cards} is what the vote weighs in a card vote; {@code instructed}
     * is the position the delegate's unit instructed on this motion (null when none).
     */
    record VoteCast(CongressId congress, UnitId unit, MandateId seat, MemberId voter, Position position, long cards,
                    Position instructed) implements CongressEvent {
        public VoteCast {
            need(congress, "the congress");
            need(unit, "the unit");
            need(seat, "the seat");
            need(voter, "the voter");
            need(position, "the vote");
            if (cards < 0) {
                throw new IllegalArgumentException("cards cannot be negative");
            }
        }

        /** Whether the vote followed the unit's instruction; null when there was none. */
        public Boolean followedInstruction() {
            return instructed == null ? null : instructed == position;
        }
    }

    /**
     * The vote closed with its result and the rule that decided it (see {@link org.smolny.council.motion.Decision}).
     * For a motion carried, {@code text} is the motion as adopted, with the amendments carried; otherwise empty.
     */
    record VoteClosed(CongressId congress, UnitId unit, MotionId motion, AmendmentId amendment, VoteMode mode, String rule,
                      long inFavour, long against, long abstentions, long threshold, boolean passed, int presentSeats,
                      List<String> text) implements CongressEvent {
        public VoteClosed {
            need(congress, "the congress");
            need(unit, "the unit");
            need(motion, "the motion");
            need(mode, "how the congress voted");
            checkText(rule, "the deciding rule", 1000);
            text = List.copyOf(text == null ? List.of() : text);
            if (inFavour < 0 || against < 0 || abstentions < 0 || threshold < 0 || presentSeats < 0) {
                throw new IllegalArgumentException("vote counts cannot be negative");
            }
            if (passed && amendment == null && text.isEmpty()) {
                throw new IllegalArgumentException("a motion carried records the text adopted");
            }
        }

        /** The result as a {@link org.smolny.council.motion.Decision}. */
        public Decision decision() {
            return new Decision(rule, inFavour, against, abstentions, threshold, passed);
        }
    }

    /** An amendment fell without a vote: a carried amendment ({@code because}) changed the same lines. */
    record AmendmentFell(CongressId congress, UnitId unit, AmendmentId amendment, AmendmentId because) implements CongressEvent {
        public AmendmentFell {
            need(congress, "the congress");
            need(unit, "the unit");
            need(amendment, "the amendment");
            need(because, "the carried amendment");
        }
    }

    /**
     * A minority published a platform or a counter-motion (answering {@code answers}), signed by delegates. It stays
     * on the record and beside the motion it answers: no majority and no chair can remove it (drill D8).
     */
    record PlatformPublished(CongressId congress, UnitId unit, PlatformId platform, PlatformKind kind, MotionId answers,
                             String title, List<String> lines, List<MemberId> signatories) implements CongressEvent {
        public PlatformPublished {
            need(congress, "the congress");
            need(unit, "the unit");
            need(platform, "the platform");
            need(kind, "the kind of text");
            if (kind == PlatformKind.COUNTER_MOTION && answers == null) {
                throw new IllegalArgumentException("a counter-motion names the motion it answers");
            }
            checkText(title, "the title", 300);
            lines = new MotionText(lines).lines();
            signatories = List.copyOf(signatories);
            if (signatories.isEmpty() || new HashSet<>(signatories).size() != signatories.size()) {
                throw new IllegalArgumentException("a platform is signed by one or more different delegates");
            }
            if (signatories.size() > MAX_FIRST_SIGNATORIES) {
                throw new IllegalArgumentException("a platform is published with at most " + MAX_FIRST_SIGNATORIES
                        + " signatories; the others sign it once it is published");
            }
        }
    }

    /** A delegate added their signature to a published platform or counter-motion. */
    record PlatformSigned(CongressId congress, UnitId unit, PlatformId platform, MemberId signatory) implements CongressEvent {
        public PlatformSigned {
            need(congress, "the congress");
            need(unit, "the unit");
            need(platform, "the platform");
            need(signatory, "the signatory");
        }
    }

    /**
     * The congress elected a body by a counting method: the candidates, how many ballot papers were counted, every
     * round in words and the members elected. The anonymous ballots the tellers entered follow in
     * {@code ballotParts} {@code election-ballots.recorded} entries, so anyone can count them again; when the delegates
     * cast their ballots one by one ({@code ranked-ballot.cast} after {@code congress-election.opened}),
     * {@code ballotParts} is 0 and the ballots counted are those entries, each seat's last. The mandates follow as
     * {@code mandate.conferred}.
     */
    record BodyElected(CongressId congress, UnitId unit, ElectionId election, String post, String method, int seats,
                       List<MemberId> candidates, int ballotPapers, int ballotParts, List<MemberId> elected, List<String> rounds)
            implements CongressEvent {
        public BodyElected {
            need(congress, "the congress");
            need(unit, "the unit");
            need(election, "the election");
            checkText(post, "the post", 64);
            checkText(method, "the counting method", 32);
            candidates = List.copyOf(candidates);
            elected = List.copyOf(elected);
            rounds = List.copyOf(rounds);
            if (seats < 1 || elected.size() > seats) {
                throw new IllegalArgumentException("an election fills from 1 seat, and elects no more than its seats");
            }
            if (candidates.isEmpty() || new HashSet<>(candidates).size() != candidates.size()) {
                throw new IllegalArgumentException("an election has candidates, each once");
            }
            if (ballotPapers < 1 || ballotParts < 0 || ballotParts > ballotPapers) {
                throw new IllegalArgumentException("an election counts at least one ballot paper, recorded in parts"
                        + " (none when each ballot was cast on the record)");
            }
            if (!candidates.containsAll(elected)) {
                throw new IllegalArgumentException("only candidates are elected");
            }
        }
    }

    /**
     * Part {@code part} (from 1) of the anonymous ranked ballots of an election, grouped: candidate indices refer to
     * the candidates of the election's {@code body.elected} entry. Ballots are split into parts so that each entry
     * stays well under the record's 64 KiB.
     */
    record ElectionBallotsRecorded(CongressId congress, UnitId unit, ElectionId election, int part, List<RankedVote> ballots)
            implements CongressEvent {
        public ElectionBallotsRecorded {
            need(congress, "the congress");
            need(unit, "the unit");
            need(election, "the election");
            ballots = List.copyOf(ballots);
            if (part < 1 || ballots.isEmpty()) {
                throw new IllegalArgumentException("a part of the ballots is numbered from 1 and holds at least one ballot");
            }
        }
    }

    /**
     * The chair gave agenda item {@code item} {@code minutes} more, for {@code reason}; its time now runs out at
     * {@code endsAt}.
     */
    record ItemExtended(CongressId congress, UnitId unit, int item, int minutes, String reason, Instant endsAt)
            implements CongressEvent {
        public ItemExtended {
            need(congress, "the congress");
            need(unit, "the unit");
            need(endsAt, "the new end of the item's time");
            if (item < 1) {
                throw new IllegalArgumentException("agenda items are numbered from 1");
            }
            if (minutes < 1) {
                throw new IllegalArgumentException("an item is extended by at least one minute");
            }
            checkText(reason, "the reason for the extension", 500);
        }
    }

    /**
     * The chair opened an election of {@code seats} seats of {@code post} for ranked ballots cast one by one by the
     * delegates, to be counted by {@code method}; in a card election ({@code mode} {@code CARD}) each ballot weighs
     * the seat's cards, otherwise one.
     */
    record ElectionOpened(CongressId congress, UnitId unit, ElectionId election, String post, String method, int seats,
                          List<MemberId> candidates, VoteMode mode) implements CongressEvent {
        public ElectionOpened {
            need(congress, "the congress");
            need(unit, "the unit");
            need(election, "the election");
            checkText(post, "the post", 64);
            checkText(method, "the counting method", 32);
            need(mode, "how the ballots weigh");
            candidates = List.copyOf(candidates);
            if (seats < 1) {
                throw new IllegalArgumentException("an election fills at least one seat");
            }
            if (candidates.isEmpty() || new HashSet<>(candidates).size() != candidates.size()) {
                throw new IllegalArgumentException("an election has candidates, each once");
            }
        }
    }

    /**
     * The occupant of a seat cast the seat's ranked ballot in an open election, in public: {@code ranking} names
     * candidates most preferred first; {@code weight} is the seat's cards in a card election, otherwise 1. A later
     * ballot of the same seat in the same election replaces this one.
     */
    record RankedBallotCast(CongressId congress, UnitId unit, ElectionId election, MandateId seat, MemberId voter,
                            List<MemberId> ranking, long weight) implements CongressEvent {
        public RankedBallotCast {
            need(congress, "the congress");
            need(unit, "the unit");
            need(election, "the election");
            need(seat, "the seat");
            need(voter, "the voter");
            ranking = List.copyOf(ranking);
            if (ranking.isEmpty() || new HashSet<>(ranking).size() != ranking.size()) {
                throw new IllegalArgumentException("a ranked ballot ranks one or more candidates, each once");
            }
            if (weight < 1) {
                throw new IllegalArgumentException("a ballot weighs at least 1");
            }
        }
    }

    /** The congress closed. */
    record CongressClosed(CongressId congress, UnitId unit) implements CongressEvent {
        public CongressClosed {
            need(congress, "the congress");
            need(unit, "the unit");
        }
    }
}
