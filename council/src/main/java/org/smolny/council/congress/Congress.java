package org.smolny.council.congress;

import org.smolny.council.election.ElectionId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.AmendedText;
import org.smolny.council.motion.LineEdit;
import org.smolny.council.motion.MajorityRule;
import org.smolny.council.motion.MotionText;
import org.smolny.council.motion.VotingOrder;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One congress as its events made it: convocation, seats and attendance, agenda, speakers, motions with their
 * amendments, the vote in progress, results, platforms and elections. A projection; read-only outside this package.
 * Not thread-safe.
 */
public final class Congress {

    /** Where the congress stands. Each phase is its own type. */
    public sealed interface Phase {
    }

    /** Convened: credentials are checked and attendance taken; it has not opened. */
    public record Convened() implements Phase {
    }

    /** Opened with its quorum: the seats and the members behind them, counted at opening. */
    public record InSession(Instant openedAt, int entitledSeats, long entitledCards) implements Phase {
    }

    /** Closed: nothing more happens at this congress. */
    public record Closed(Instant closedAt, int entitledSeats, long entitledCards) implements Phase {
    }

    /** A delegate waiting to speak. */
    public record Request(MemberId member, Side side) {
    }

    /** A speech: who was called, on which side, until when. */
    public record Speech(int item, MemberId member, Side side, Instant calledAt, Instant until) {
    }

    /** The vote in progress: the question, how the congress votes, and each seat's vote so far. */
    public record OpenVote(MotionId motion, AmendmentId amendment, VoteMode mode, Map<MandateId, CongressEvent.VoteCast> casts) {
        public OpenVote {
            casts = Collections.unmodifiableMap(casts);
        }
    }

    /**
     * An election opened for ranked ballots cast one by one.
     *
     * @param opened  what the chair opened: post, seats, candidates, method, how ballots weigh
     * @param ballots each seat's ballot so far (its last), in the order last cast
     */
    public record OpenElection(CongressEvent.ElectionOpened opened, List<CongressEvent.RankedBallotCast> ballots) {
        public OpenElection {
            ballots = List.copyOf(ballots);
        }
    }

    /**
     * A vote as the record holds it: the question opened, every vote cast (in order) and the result.
     */
    public record VoteHeld(CongressEvent.VoteOpened opened, List<CongressEvent.VoteCast> casts, CongressEvent.VoteClosed closed) {
        public VoteHeld {
            casts = List.copyOf(casts);
        }
    }

    /** An extension of an agenda item's time, with when the chair gave it. */
    public record Extension(CongressEvent.ItemExtended extended, Instant at) {
    }

    private final CongressEvent.CongressConvened convocation;
    private Phase phase = new Convened();
    private final Map<MandateId, Seat> seats = new LinkedHashMap<>();
    private final List<AgendaItem> agenda = new ArrayList<>();
    private int currentItem;
    private Instant itemEndsAt;
    private final Map<Integer, List<Request>> waiting = new LinkedHashMap<>();
    private final List<Speech> speeches = new ArrayList<>();
    private final Map<MotionId, Motion> motions = new LinkedHashMap<>();
    private final Map<AmendmentId, Amendment> amendments = new LinkedHashMap<>();
    private final Map<PlatformId, Platform> platforms = new LinkedHashMap<>();
    private MotionId voteMotion;
    private AmendmentId voteAmendment;
    private VoteMode voteMode;
    private final Map<MandateId, CongressEvent.VoteCast> casts = new LinkedHashMap<>();
    private final List<CongressEvent.VoteClosed> results = new ArrayList<>();
    private final List<CongressEvent.BodyElected> elections = new ArrayList<>();
    private final Map<ElectionId, List<RankedVote>> ballots = new LinkedHashMap<>();
    private CongressEvent.VoteOpened voteOpened;
    private final List<VoteHeld> votesHeld = new ArrayList<>();
    private final Map<ElectionId, CongressEvent.ElectionOpened> electionsOpened = new LinkedHashMap<>();
    private final Map<ElectionId, LinkedHashMap<MandateId, CongressEvent.RankedBallotCast>> castBallots = new LinkedHashMap<>();
    private final Map<ElectionId, Integer> replacedBallots = new LinkedHashMap<>();
    private final List<Extension> extensions = new ArrayList<>();

    Congress(CongressEvent.CongressConvened convocation) {
        this.convocation = convocation;
    }

    public CongressId id() {
        return convocation.congress();
    }

    public UnitId unit() {
        return convocation.unit();
    }

    /** The convocation: why, by whom chaired, which post's holders sit, from when. */
    public CongressEvent.CongressConvened convocation() {
        return convocation;
    }

    public MemberId chair() {
        return convocation.chair();
    }

    public Phase phase() {
        return phase;
    }

    /** Every accredited seat, in the order accredited. */
    public Collection<Seat> seats() {
        return Collections.unmodifiableCollection(seats.values());
    }

    public Optional<Seat> seat(MandateId mandate) {
        return Optional.ofNullable(seats.get(mandate));
    }

    /** The seat {@code member} occupies now (as delegate or alternate), if any. */
    public Optional<Seat> seatOf(MemberId member) {
        return seats.values().stream().filter(seat -> seat.occupant().equals(member)).findFirst();
    }

    /** Whether {@code member} holds an accredited seat, whether or not an alternate sits in it now. */
    public boolean isDelegate(MemberId member) {
        return seats.values().stream().anyMatch(seat -> seat.delegate().equals(member));
    }

    /** Seats whose occupant is in the hall. */
    public int presentSeats() {
        return (int) seats.values().stream().filter(Seat::present).count();
    }

    public List<AgendaItem> agenda() {
        return Collections.unmodifiableList(agenda);
    }

    /** The item under discussion (from 1), or 0 before the first is taken. */
    public int currentItem() {
        return currentItem;
    }

    /** When the current item's time runs out, or null. */
    public Instant itemEndsAt() {
        return itemEndsAt;
    }

    /** Who waits to speak on {@code item}, in the order they asked. */
    public List<Request> waiting(int item) {
        return Collections.unmodifiableList(waiting.getOrDefault(item, List.of()));
    }

    /** Every speech, in order. */
    public List<Speech> speeches() {
        return Collections.unmodifiableList(speeches);
    }

    /** The side of the last speech for or against on {@code item}, or null when nobody has spoken on it. */
    public Side lastSideSpoken(int item) {
        Side last = null;
        for (Speech speech : speeches) {
            if (speech.item() == item && speech.side() != Side.POINT_OF_ORDER) {
                last = speech.side();
            }
        }
        return last;
    }

    /** Every motion, in the order tabled. */
    public Collection<Motion> motions() {
        return Collections.unmodifiableCollection(motions.values());
    }

    public Optional<Motion> motion(MotionId id) {
        return Optional.ofNullable(motions.get(id));
    }

    /** Every amendment, in the order moved. */
    public Collection<Amendment> amendments() {
        return Collections.unmodifiableCollection(amendments.values());
    }

    public Optional<Amendment> amendment(AmendmentId id) {
        return Optional.ofNullable(amendments.get(id));
    }

    /** The amendments to {@code motion}, in the order moved. */
    public List<Amendment> amendmentsTo(MotionId motion) {
        return amendments.values().stream().filter(amendment -> amendment.motion().equals(motion)).toList();
    }

    /** The pending amendments to {@code motion} in voting order: most far-reaching first. */
    public List<Amendment> votingOrder(MotionId motion) {
        List<VotingOrder.Pending<Amendment>> pending = new ArrayList<>();
        for (Amendment amendment : amendmentsTo(motion)) {
            if (amendment.pending()) {
                pending.add(new VotingOrder.Pending<>(amendment, amendment.edit(), amendment.movedIndex()));
            }
        }
        return VotingOrder.order(pending);
    }

    /** The motion's text with the amendments carried so far. */
    public MotionText currentText(MotionId motion) {
        List<LineEdit> carried = amendmentsTo(motion).stream()
                .filter(amendment -> amendment.fate() instanceof Amendment.Carried).map(Amendment::edit).toList();
        return AmendedText.apply(motions.get(motion).text(), carried);
    }

    /** Every platform and counter-motion, in the order published. */
    public Collection<Platform> platforms() {
        return Collections.unmodifiableCollection(platforms.values());
    }

    public Optional<Platform> platform(PlatformId id) {
        return Optional.ofNullable(platforms.get(id));
    }

    /** The counter-motions and platforms shown beside {@code motion}. */
    public List<Platform> beside(MotionId motion) {
        return platforms.values().stream().filter(platform -> motion.equals(platform.answers())).toList();
    }

    /** The vote in progress, if any. */
    public Optional<OpenVote> openVote() {
        return voteMotion == null ? Optional.empty()
                : Optional.of(new OpenVote(voteMotion, voteAmendment, voteMode, new LinkedHashMap<>(casts)));
    }

    /** Every vote closed, in order. */
    public List<CongressEvent.VoteClosed> results() {
        return Collections.unmodifiableList(results);
    }

    /** Every election held, in order. */
    public List<CongressEvent.BodyElected> elections() {
        return Collections.unmodifiableList(elections);
    }

    /** The anonymous ballots of an election held at this congress, grouped, in the order recorded. */
    public List<RankedVote> ballots(ElectionId election) {
        return Collections.unmodifiableList(ballots.getOrDefault(election, List.of()));
    }

    /** Every vote closed, with its question and each vote cast, in order. */
    public List<VoteHeld> votesHeld() {
        return Collections.unmodifiableList(votesHeld);
    }

    /** Every extension of an item's time, in order. */
    public List<Extension> extensions() {
        return Collections.unmodifiableList(extensions);
    }

    /** The elections open for ranked ballots at this congress, in the order opened. */
    public List<OpenElection> openElections() {
        return electionsOpened.keySet().stream().filter(id -> elections.stream().noneMatch(held -> held.election().equals(id)))
                .map(this::openedElection).toList();
    }

    /** The election {@code id}, if it is open for ranked ballots at this congress. */
    public Optional<OpenElection> openElection(ElectionId id) {
        return openElections().stream().filter(open -> open.opened().election().equals(id)).findFirst();
    }

    /** The election {@code id} as opened for ranked ballots at this congress, whether still open or closed. */
    public Optional<CongressEvent.ElectionOpened> electionOpened(ElectionId id) {
        return Optional.ofNullable(electionsOpened.get(id));
    }

    /**
     * The ranked ballots cast one by one in election {@code id}: each seat's last, in the order last cast. These are
     * the ballots counted at the close.
     */
    public List<CongressEvent.RankedBallotCast> castBallots(ElectionId id) {
        return List.copyOf(castBallots.getOrDefault(id, new LinkedHashMap<>()).values());
    }

    /** How many ballots of election {@code id} a later ballot of the same seat replaced. */
    public int replacedBallots(ElectionId id) {
        return replacedBallots.getOrDefault(id, 0);
    }

    private OpenElection openedElection(ElectionId id) {
        return new OpenElection(electionsOpened.get(id), castBallots(id));
    }

    void apply(CongressEvent event, Instant at) {
        switch (event) {
            case CongressEvent.CongressConvened convened -> {
            }
            case CongressEvent.DelegateAccredited accredited -> seats.put(accredited.mandate(), new Seat(accredited.mandate(),
                    accredited.delegate(), accredited.electedIn(), accredited.cards(), null, null, true));
            case CongressEvent.AlternateSeated seated ->
                    seats.computeIfPresent(seated.seat(), (id, seat) -> seat.withAlternate(seated.alternate(), seated.alternateMandate()));
            case CongressEvent.AttendanceRecorded attendance -> seats.computeIfPresent(attendance.seat(), (id, seat) ->
                    attendance.present() && attendance.member().equals(seat.delegate()) && seat.alternate() != null
                            ? seat.delegateReturned() : seat.withPresence(attendance.present()));
            case CongressEvent.CongressOpened opened ->
                    phase = new InSession(at, opened.entitledSeats(), opened.entitledCards());
            case CongressEvent.AgendaAdopted adopted -> {
                agenda.clear();
                agenda.addAll(adopted.items());
            }
            case CongressEvent.ItemTaken taken -> {
                currentItem = taken.item();
                itemEndsAt = taken.endsAt();
            }
            case CongressEvent.ItemExtended extended -> {
                if (extended.item() == currentItem) {
                    itemEndsAt = extended.endsAt();
                }
                extensions.add(new Extension(extended, at));
            }
            case CongressEvent.ElectionOpened opened -> {
                electionsOpened.put(opened.election(), opened);
                castBallots.put(opened.election(), new LinkedHashMap<>());
            }
            case CongressEvent.RankedBallotCast cast -> {
                LinkedHashMap<MandateId, CongressEvent.RankedBallotCast> seatBallots = castBallots.computeIfAbsent(cast.election(),
                        election -> new LinkedHashMap<>());
                if (seatBallots.remove(cast.seat()) != null) {
                    replacedBallots.merge(cast.election(), 1, Integer::sum);
                }
                seatBallots.put(cast.seat(), cast);
            }
            case CongressEvent.SpeakerListed listed ->
                    waiting.computeIfAbsent(listed.item(), item -> new ArrayList<>()).add(new Request(listed.member(), listed.side()));
            case CongressEvent.SpeakerCalled called -> {
                waiting.getOrDefault(called.item(), new ArrayList<>()).remove(new Request(called.member(), called.side()));
                speeches.add(new Speech(called.item(), called.member(), called.side(), at, called.until()));
            }
            case CongressEvent.MotionTabled tabled -> motions.put(tabled.motion(), new Motion(tabled.motion(), tabled.item(),
                    List.of(tabled.mover()), tabled.title(), new MotionText(tabled.lines()),
                    DecisionType.fromKey(tabled.decision()),
                    MajorityRule.fromKey(tabled.majority()), at, new Motion.Pending()));
            case CongressEvent.AmendmentMoved moved -> amendments.put(moved.amendment(), new Amendment(moved.amendment(),
                    moved.motion(), moved.mover(), moved.edit().edit(moved.fromLine(), moved.toLine(), moved.lines()),
                    amendments.size(), new Amendment.Pending()));
            case CongressEvent.MotionsComposited composited -> {
                for (MotionId part : composited.parts()) {
                    motions.computeIfPresent(part, (id, motion) -> motion.withFate(new Motion.Composited(composited.composite())));
                }
                motions.put(composited.composite(), new Motion(composited.composite(), composited.item(), composited.movers(),
                        composited.title(), new MotionText(composited.lines()),
                        DecisionType.fromKey(composited.decision()),
                        MajorityRule.fromKey(composited.majority()), at, new Motion.Pending()));
            }
            case CongressEvent.MotionWithdrawn withdrawn ->
                    motions.computeIfPresent(withdrawn.motion(), (id, motion) -> motion.withFate(new Motion.Withdrawn()));
            case CongressEvent.AmendmentWithdrawn withdrawn ->
                    amendments.computeIfPresent(withdrawn.amendment(), (id, amendment) -> amendment.withFate(new Amendment.Withdrawn()));
            case CongressEvent.MotionRemitted remitted ->
                    motions.computeIfPresent(remitted.motion(), (id, motion) -> motion.withFate(new Motion.Remitted(remitted.body())));
            case CongressEvent.VoteOpened opened -> {
                voteMotion = opened.motion();
                voteAmendment = opened.amendment();
                voteMode = opened.mode();
                voteOpened = opened;
                casts.clear();
            }
            case CongressEvent.VoteCast cast -> casts.put(cast.seat(), cast);
            case CongressEvent.VoteClosed closed -> {
                results.add(closed);
                votesHeld.add(new VoteHeld(voteOpened, new ArrayList<>(casts.values()), closed));
                if (closed.amendment() != null) {
                    Amendment.Fate fate = closed.passed() ? new Amendment.Carried(closed.decision()) : new Amendment.Lost(closed.decision());
                    amendments.computeIfPresent(closed.amendment(), (id, amendment) -> amendment.withFate(fate));
                } else {
                    Motion.Fate fate = closed.passed() ? new Motion.Carried(new MotionText(closed.text()), closed.decision())
                            : new Motion.Lost(closed.decision());
                    motions.computeIfPresent(closed.motion(), (id, motion) -> motion.withFate(fate));
                }
                voteMotion = null;
                voteAmendment = null;
                voteMode = null;
                voteOpened = null;
                casts.clear();
            }
            case CongressEvent.AmendmentFell fell -> amendments.computeIfPresent(fell.amendment(),
                    (id, amendment) -> amendment.withFate(new Amendment.Fell(fell.because())));
            case CongressEvent.PlatformPublished published -> platforms.put(published.platform(), new Platform(published.platform(),
                    published.kind(), published.answers(), published.title(), new MotionText(published.lines()),
                    published.signatories(), at));
            case CongressEvent.PlatformSigned signed ->
                    platforms.computeIfPresent(signed.platform(), (id, platform) -> platform.signedBy(signed.signatory()));
            case CongressEvent.BodyElected elected -> elections.add(elected);
            case CongressEvent.ElectionBallotsRecorded recorded ->
                    ballots.computeIfAbsent(recorded.election(), election -> new ArrayList<>()).addAll(recorded.ballots());
            case CongressEvent.CongressClosed closed -> {
                if (phase instanceof InSession session) {
                    phase = new Closed(at, session.entitledSeats(), session.entitledCards());
                } else {
                    phase = new Closed(at, 0, 0);
                }
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Congress that && convocation.equals(that.convocation) && phase.equals(that.phase)
                && seats.equals(that.seats) && agenda.equals(that.agenda) && currentItem == that.currentItem
                && java.util.Objects.equals(itemEndsAt, that.itemEndsAt) && waiting.equals(that.waiting)
                && speeches.equals(that.speeches) && motions.equals(that.motions) && amendments.equals(that.amendments)
                && platforms.equals(that.platforms) && java.util.Objects.equals(voteMotion, that.voteMotion)
                && java.util.Objects.equals(voteAmendment, that.voteAmendment) && voteMode == that.voteMode
                && casts.equals(that.casts) && results.equals(that.results) && elections.equals(that.elections)
                && ballots.equals(that.ballots) && votesHeld.equals(that.votesHeld)
                && electionsOpened.equals(that.electionsOpened) && castBallots.equals(that.castBallots)
                && replacedBallots.equals(that.replacedBallots) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return convocation.hashCode();
    }
}
