package org.smolny.web.congress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smolny.council.congress.Amendment;
import org.smolny.council.congress.Congress;
import org.smolny.council.congress.CongressEvent;
import org.smolny.council.congress.Motion;
import org.smolny.council.congress.Platform;
import org.smolny.council.congress.Seat;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.Decision;

/**
 * A congress as the hall, the chair's console, the projector and the JSON API show it: a snapshot taken under the
 * council's read lock, holding only strings, numbers and lists (ids as their UUID strings). Immutable.
 *
 * @param id            the congress
 * @param unit          the unit whose sovereign body it is
 * @param chair         the chair
 * @param phase         {@code convened}, {@code in-session} or {@code closed}
 * @param seats         the accredited seats
 * @param presentSeats  how many seats have their occupant in the hall
 * @param agenda        the agenda, items numbered from 1
 * @param currentItem   the item under discussion (0 before the first)
 * @param itemEndsAt    when the current item's time runs out, or null
 * @param speaker       the last speaker called on the current item, or null
 * @param waiting       who waits to speak on the current item, in order
 * @param motions       the motions, in the order tabled, each with its amendments and counter-motions beside it
 * @param platforms     the minority platforms on the congress as a whole
 * @param openVote      the vote in progress, or null
 * @param results       every vote closed, newest last
 * @param elections     the elections of bodies held
 * @param openElections the elections open for the delegates' ranked ballots
 * @param itemSecondsLeft the seconds left of the current item's time when the view was taken (0 once run out), or -1
 *                      when no item is taken
 * @param extensions    every extension of an item's time, with its reason
 */
public record CongressView(String id, String unit, String chair, String phase, List<SeatView> seats, int presentSeats,
                           List<ItemView> agenda, int currentItem, String itemEndsAt, SpeechView speaker,
                           List<RequestView> waiting, List<MotionView> motions, List<PlatformView> platforms, VoteView openVote,
                           List<ResultView> results, List<ElectionView> elections, List<OpenElectionView> openElections,
                           long itemSecondsLeft, List<ExtensionView> extensions) {

    /** An extension of an item's time: the item, the minutes added, the reason, the new end. */
    public record ExtensionView(int item, int minutes, String reason, String endsAt) {
    }

    /** A ranked ballot cast in an open election, public: the seat, who cast it, the ranking, what it weighs. */
    public record BallotView(String seat, String voter, List<String> ranking, long weight) {
    }

    /**
     * An election open for the delegates' ranked ballots.
     *
     * @param mode    {@code named} (one a seat) or {@code card} (each ballot weighs the seat's cards)
     * @param ballots each seat's ballot so far
     */
    public record OpenElectionView(String election, String post, String method, int seats, String mode, List<String> candidates,
                                   List<BallotView> ballots) {

        /** The ballot of the seat {@code mandate}, or null. */
        public BallotView ballotOf(String mandate) {
            return ballots.stream().filter(ballot -> ballot.seat().equals(mandate)).findFirst().orElse(null);
        }

        /** The rank (from 1) {@code candidate} has on the seat's ballot, or empty. */
        public String rankOn(String mandate, String candidate) {
            BallotView ballot = ballotOf(mandate);
            int index = ballot == null ? -1 : ballot.ranking().indexOf(candidate);
            return index < 0 ? "" : String.valueOf(index + 1);
        }
    }

    /** A seat: the delegate's mandate, who occupies it, the branch, its cards, whether present. */
    public record SeatView(String mandate, String delegate, String occupant, String electedIn, long cards, boolean present) {
    }

    /** An agenda item. */
    public record ItemView(int number, String title, int minutes, int speakingMinutes, boolean current) {
    }

    /** A speech called. */
    public record SpeechView(String member, String side, String until) {
    }

    /** A request to speak. */
    public record RequestView(String member, String side) {
    }

    /**
     * A motion.
     *
     * @param fate         {@code pending}, {@code carried}, {@code lost}, {@code withdrawn}, {@code remitted}, {@code composited}
     * @param text         its lines as tabled
     * @param currentText  its lines with the amendments carried so far (the text adopted once carried)
     * @param nextQuestion the id of the amendment to vote on next, {@code "motion"} when the motion itself is next, or
     *                     null when it is not pending
     * @param beside       the counter-motions answering it, always shown beside it (drill D8)
     */
    public record MotionView(String id, int item, String title, List<String> movers, String decision, String majority,
                             List<String> text, List<String> currentText, String fate, String fateDetail,
                             List<AmendmentView> amendments, String nextQuestion, List<PlatformView> beside) {
    }

    /** An amendment, with what it does in words and its fate. */
    public record AmendmentView(String id, String mover, String edit, String fate, String fateDetail) {
    }

    /** A platform or counter-motion, with its signatories. */
    public record PlatformView(String id, String kind, String answers, String title, List<String> text, List<String> signatories) {
    }

    /**
     * The vote in progress.
     *
     * @param question     the motion's title, or what the amendment does
     * @param cast         how many seats have voted
     * @param seatsVoted   the mandates (seats) that have voted
     */
    public record VoteView(String motion, String amendment, String mode, String question, int cast, List<String> seatsVoted) {
    }

    /** A result: the motion (and amendment) voted, the counts, and the sentence that states the rule. */
    public record ResultView(int number, String motion, String amendment, String mode, boolean passed, long inFavour, long against,
                             long abstentions, String sentence) {
    }

    /**
     * An election of a body held by the congress.
     *
     * @param ballots the ballots the delegates cast one by one, public (each seat's last); empty when the tellers
     *                entered the papers
     */
    public record ElectionView(String election, String post, String method, int seats, List<String> candidates, int ballotPapers,
                               List<String> elected, List<String> rounds, List<BallotView> ballots) {
    }

    /** The view of {@code congress} at {@code now}; call it under the council's read lock. */
    static CongressView of(Congress congress, Instant now) {
        List<SeatView> seats = new ArrayList<>();
        for (Seat seat : congress.seats()) {
            seats.add(new SeatView(seat.mandate().toString(), seat.delegate().toString(), seat.occupant().toString(),
                    seat.electedIn().toString(), seat.cards(), seat.present()));
        }
        List<ItemView> agenda = new ArrayList<>();
        for (int index = 0; index < congress.agenda().size(); index++) {
            var item = congress.agenda().get(index);
            agenda.add(new ItemView(index + 1, item.title(), item.minutes(), item.speakingMinutes(), index + 1 == congress.currentItem()));
        }
        int current = congress.currentItem();
        SpeechView speaker = null;
        for (Congress.Speech speech : congress.speeches()) {
            if (speech.item() == current) {
                speaker = new SpeechView(speech.member().toString(), Fields.wireName(speech.side()), speech.until().toString());
            }
        }
        List<RequestView> waiting = congress.waiting(current).stream()
                .map(request -> new RequestView(request.member().toString(), Fields.wireName(request.side()))).toList();
        List<MotionView> motions = new ArrayList<>();
        for (Motion motion : congress.motions()) {
            motions.add(motion(congress, motion));
        }
        List<PlatformView> platforms = congress.platforms().stream().filter(platform -> platform.answers() == null)
                .map(CongressView::platform).toList();
        VoteView openVote = congress.openVote().map(vote -> new VoteView(vote.motion().toString(),
                vote.amendment() == null ? null : vote.amendment().toString(), Fields.wireName(vote.mode()),
                question(congress, vote), vote.casts().size(), vote.casts().keySet().stream().map(Object::toString).toList())).orElse(null);
        List<ResultView> results = new ArrayList<>();
        int number = 1;
        for (CongressEvent.VoteClosed closed : congress.results()) {
            results.add(result(number++, closed));
        }
        List<ElectionView> elections = congress.elections().stream().map(elected -> new ElectionView(elected.election().toString(),
                elected.post(), elected.method(), elected.seats(), ids(elected.candidates()), elected.ballotPapers(), ids(elected.elected()),
                elected.rounds(),
                ballots(congress.castBallots(elected.election())))).toList();
        List<OpenElectionView> openElections = congress.openElections().stream().map(open -> new OpenElectionView(
                open.opened().election().toString(), open.opened().post(), open.opened().method(), open.opened().seats(),
                Fields.wireName(open.opened().mode()), ids(open.opened().candidates()), ballots(open.ballots()))).toList();
        Instant endsAt = congress.itemEndsAt();
        long secondsLeft = endsAt == null ? -1 : Math.max(0, java.time.Duration.between(now, endsAt).toSeconds());
        List<ExtensionView> extensions = congress.extensions().stream().map(extension -> new ExtensionView(extension.extended().item(),
                extension.extended().minutes(), extension.extended().reason(), extension.extended().endsAt().toString())).toList();
        return new CongressView(congress.id().toString(), congress.unit().toString(), congress.chair().toString(), phase(congress),
                seats, congress.presentSeats(), agenda, current, endsAt == null ? null : endsAt.toString(), speaker, waiting, motions,
                platforms, openVote, results, elections, openElections, secondsLeft, extensions);
    }

    private static List<BallotView> ballots(List<CongressEvent.RankedBallotCast> cast) {
        return cast.stream().map(ballot -> new BallotView(ballot.seat().toString(), ballot.voter().toString(), ids(ballot.ranking()),
                ballot.weight())).toList();
    }

    /** The time left of the current item as the console shows it: {@code m:ss}, or null when no item is taken. */
    public String itemTimeLeft() {
        return itemSecondsLeft < 0 ? null : itemSecondsLeft / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", itemSecondsLeft % 60);
    }

    /** The extensions of the current item. */
    public List<ExtensionView> currentExtensions() {
        return extensions.stream().filter(extension -> extension.item() == currentItem).toList();
    }

    /** The result of a closed vote, with its sentence. */
    static ResultView result(int number, CongressEvent.VoteClosed closed) {
        Decision decision = new Decision(closed.rule(), closed.inFavour(), closed.against(), closed.abstentions(), closed.threshold(),
                closed.passed());
        return new ResultView(number, closed.motion().toString(), closed.amendment() == null ? null : closed.amendment().toString(),
                Fields.wireName(closed.mode()), closed.passed(), closed.inFavour(), closed.against(), closed.abstentions(),
                decision.sentence());
    }

    /** The motion whose vote is open, or null. */
    public MotionView votedMotion() {
        return openVote == null ? null : motion(openVote.motion());
    }

    /** The motion with this id, or null. */
    public MotionView motion(String motionId) {
        return motions.stream().filter(motion -> motion.id().equals(motionId)).findFirst().orElse(null);
    }

    /** The motions under the current item. */
    public List<MotionView> currentMotions() {
        return motions.stream().filter(motion -> motion.item() == currentItem).toList();
    }

    /** The newest election held, or null. */
    public ElectionView latestElection() {
        return elections.isEmpty() ? null : elections.getLast();
    }

    /** The newest result, or null. */
    public ResultView latestResult() {
        return results.isEmpty() ? null : results.getLast();
    }

    /** The seat occupied by {@code member}, or null. */
    public SeatView seatOf(String member) {
        return member == null ? null : seats.stream().filter(seat -> seat.occupant().equals(member)).findFirst().orElse(null);
    }

    /** Whether {@code member}'s seat has voted in the open vote. */
    public boolean hasVoted(String member) {
        SeatView seat = seatOf(member);
        return seat != null && openVote != null && openVote.seatsVoted().contains(seat.mandate());
    }

    /** A member or mandate id as the pages show it: its last eight characters, enough to tell delegates apart. */
    public static String shortId(String id) {
        return id == null ? "" : "…" + id.substring(Math.max(0, id.length() - 8));
    }

    /** Whether {@code member} is the chair. */
    public boolean chairedBy(String member) {
        return chair.equals(member);
    }

    /** The title of the current item, or null. */
    public String currentItemTitle() {
        return currentItem == 0 ? null : agenda.get(currentItem - 1).title();
    }

    private static MotionView motion(Congress congress, Motion motion) {
        List<AmendmentView> amendments = new ArrayList<>();
        for (Amendment amendment : congress.amendmentsTo(motion.id())) {
            amendments.add(new AmendmentView(amendment.id().toString(), amendment.mover().toString(), amendment.edit().describe(),
                    amendmentFate(amendment.fate()), amendmentDetail(amendment.fate())));
        }
        String next = null;
        if (motion.pending()) {
            List<Amendment> order = congress.votingOrder(motion.id());
            next = order.isEmpty() ? "motion" : order.getFirst().id().toString();
        }
        return new MotionView(motion.id().toString(), motion.item(), motion.title(), ids(motion.movers()), motion.decision().key(),
                motion.majority().key(), motion.text().lines(), congress.currentText(motion.id()).lines(), motionFate(motion.fate()),
                motionDetail(motion.fate()), amendments, next, congress.beside(motion.id()).stream().map(CongressView::platform).toList());
    }

    private static String question(Congress congress, Congress.OpenVote vote) {
        if (vote.amendment() != null) {
            return congress.amendment(vote.amendment()).map(amendment -> amendment.edit().describe()).orElse(vote.amendment().toString());
        }
        return congress.motion(vote.motion()).map(Motion::title).orElse(vote.motion().toString());
    }

    private static PlatformView platform(Platform platform) {
        return new PlatformView(platform.id().toString(), Fields.wireName(platform.kind()),
                platform.answers() == null ? null : platform.answers().toString(), platform.title(), platform.text().lines(),
                ids(platform.signatories()));
    }

    private static String phase(Congress congress) {
        return switch (congress.phase()) {
            case Congress.Convened convened -> "convened";
            case Congress.InSession inSession -> "in-session";
            case Congress.Closed closed -> "closed";
        };
    }

    private static String motionFate(Motion.Fate fate) {
        return switch (fate) {
            case Motion.Pending pending -> "pending";
            case Motion.Carried carried -> "carried";
            case Motion.Lost lost -> "lost";
            case Motion.Withdrawn withdrawn -> "withdrawn";
            case Motion.Remitted remitted -> "remitted";
            case Motion.Composited composited -> "composited";
        };
    }

    private static String motionDetail(Motion.Fate fate) {
        return switch (fate) {
            case Motion.Carried carried -> carried.decision().sentence();
            case Motion.Lost lost -> lost.decision().sentence();
            case Motion.Remitted remitted -> remitted.body();
            case Motion.Composited composited -> composited.into().toString();
            default -> null;
        };
    }

    private static String amendmentFate(Amendment.Fate fate) {
        return switch (fate) {
            case Amendment.Pending pending -> "pending";
            case Amendment.Carried carried -> "carried";
            case Amendment.Lost lost -> "lost";
            case Amendment.Withdrawn withdrawn -> "withdrawn";
            case Amendment.Fell fell -> "fell";
        };
    }

    private static String amendmentDetail(Amendment.Fate fate) {
        return switch (fate) {
            case Amendment.Carried carried -> carried.decision().sentence();
            case Amendment.Lost lost -> lost.decision().sentence();
            case Amendment.Fell fell -> fell.because().toString();
            default -> null;
        };
    }

    private static List<String> ids(List<MemberId> members) {
        return members.stream().map(MemberId::toString).toList();
    }
}
