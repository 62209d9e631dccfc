package org.smolny.council.congress;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Rule;
import org.smolny.council.election.CandidateResult;
import org.smolny.council.election.Election;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MandateSource;
import org.smolny.council.member.MemberId;
import org.smolny.council.statutes.ElectorateKind;
import org.smolny.council.statutes.ElectorateRule;
import org.smolny.council.statutes.PostRule;
import org.smolny.count.Counting;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountMethod;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Elections of bodies by a congress: the ranked ballots are counted by the {@code count} module (STV for
 * proportional representation, drill D8), the result goes on the record with every round, and the elected receive
 * their mandates. The lot, where a method needs one, is seeded by the election's id, so anyone can recount. Stateless.
 */
public final class CongressElection {

    /** The most characters of ballots in one {@code election-ballots.recorded} entry: well under 64 KiB with its envelope. */
    static final int PART_CHARACTERS = 40_000;

    private CongressElection() {
    }

    /** The counting methods for ranked ballots cast one by one: STV (Scottish rules, Meek, WIGM) and IRV for one seat. */
    public static final List<String> RANKED_METHODS = List.of("stv-scottish", "stv-meek", "stv-wigm", "irv");

    /** The method of an election opened for ranked ballots when the chair names none. */
    public static final String DEFAULT_METHOD = "stv-scottish";

    /** An election checked and ready: the scheduled election, its post, the counting method and the candidates. */
    private record Ready(Election.Scheduled scheduled, PostRule post, CountMethod method, List<MemberId> candidates) {
    }

    /** A check that either refuses with a reason or yields the election ready to count. */
    private sealed interface Checked {
    }

    private record Refused(String reason) implements Checked {
    }

    private record Passed(Ready ready) implements Checked {
    }

    /** The checks common to both ways of electing: the election, its post and electorate, the method, the candidates. */
    private static Checked check(Congress congress, Context context, ElectionId id, String methodName, List<MemberId> named) {
        Election election = id == null ? null : context.state().elections().find(id).orElse(null);
        if (!(election instanceof Election.Scheduled scheduled)) {
            return new Refused(election == null ? "there is no election " + id + " scheduled"
                    : "this election has already been held");
        }
        if (!scheduled.unit().equals(congress.unit())) {
            return new Refused("the election of '" + scheduled.post() + "' belongs to another unit than this congress");
        }
        PostRule post = context.statutes().post(scheduled.post()).orElseThrow();
        ElectorateRule electorate = context.statutes().electorate(post.electorate()).orElse(null);
        if (electorate == null || electorate.kind() != ElectorateKind.MANDATE_HOLDERS
                || !electorate.post().equals(congress.convocation().delegatePost())) {
            return new Refused("post '" + post.name() + "' is elected by the electorate '" + post.electorate()
                    + "', not by the delegates of this congress");
        }
        CountMethod method;
        try {
            method = Counting.method(methodName == null ? "" : methodName);
        } catch (CountException unknown) {
            return new Refused(unknown.getMessage());
        }
        List<MemberId> candidates = named == null ? List.of() : List.copyOf(named);
        if (candidates.isEmpty() || new HashSet<>(candidates).size() != candidates.size()) {
            return new Refused("an election has one or more candidates, each named once");
        }
        for (MemberId candidate : candidates) {
            if (!context.electorates().isFullMember(congress.unit(), candidate, context.now())) {
                return new Refused("candidate " + candidate + " cannot stand: only full members (past probation) can");
            }
            if (context.state().mandates().activeFor(post.name(), congress.unit()).stream().anyMatch(held -> held.holder().equals(candidate))) {
                return new Refused("candidate " + candidate + " already holds a seat of '" + post.name() + "'");
            }
        }
        Optional<String> vacancy = vacancy(context, post, scheduled);
        if (vacancy.isPresent()) {
            return new Refused(vacancy.get());
        }
        return new Passed(new Ready(scheduled, post, method, candidates));
    }

    private static Optional<String> vacancy(Context context, PostRule post, Election.Scheduled scheduled) {
        int vacant = post.seats() - context.state().mandates().activeFor(post.name(), scheduled.unit()).size();
        return vacant < scheduled.seats()
                ? Optional.of("only " + vacant + " seat(s) of '" + post.name() + "' are vacant; the election was for " + scheduled.seats())
                : Optional.empty();
    }

    /** The congress in which election {@code id} is open for ranked ballots, if any. */
    private static Optional<Congress> openIn(Context context, ElectionId id) {
        return context.state().congresses().all().stream().filter(congress -> congress.openElection(id).isPresent()).findFirst();
    }

    static Outcome elect(CongressCommand.ElectBody elect, Congress congress, Context context) {
        List<Rule<CongressPolicy.Act>> rules = new ArrayList<>(CongressPolicy.CHAIRING);
        rules.add(CongressPolicy.NO_VOTE_IS_OPEN);
        Optional<String> refusal = CongressDesk.broken(rules, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (elect.election() != null && openIn(context, elect.election()).isPresent()) {
            return Outcome.reject("election " + elect.election() + " is open for the delegates' ranked ballots: close it to count them");
        }
        Ready ready;
        switch (check(congress, context, elect.election(), elect.method(), elect.candidates())) {
            case Refused refused -> {
                return Outcome.reject(refused.reason());
            }
            case Passed passed -> ready = passed.ready();
        }
        Election.Scheduled scheduled = ready.scheduled();
        PostRule post = ready.post();
        CountMethod method = ready.method();
        List<MemberId> candidates = ready.candidates();
        List<List<MemberId>> papers = elect.ballots() == null ? List.of() : elect.ballots();
        if (papers.isEmpty()) {
            return Outcome.reject("no ballots: an election needs at least one");
        }
        if (papers.size() > congress.presentSeats()) {
            return Outcome.reject(papers.size() + " ballot papers, but only " + congress.presentSeats()
                    + " seats are occupied by delegates present: one paper per seat");
        }
        Map<MemberId, Integer> index = new HashMap<>();
        for (int position = 0; position < candidates.size(); position++) {
            index.put(candidates.get(position), position);
        }
        Map<List<Integer>, Integer> groups = new LinkedHashMap<>();
        for (int paper = 0; paper < papers.size(); paper++) {
            List<MemberId> ranking = papers.get(paper) == null ? List.of() : papers.get(paper);
            List<Integer> ranks = new ArrayList<>(ranking.size());
            Set<MemberId> seen = new HashSet<>();
            for (MemberId candidate : ranking) {
                Integer position = index.get(candidate);
                if (position == null) {
                    return Outcome.reject("ballot paper " + (paper + 1) + " ranks " + candidate + ", who is not a candidate");
                }
                if (!seen.add(candidate)) {
                    return Outcome.reject("ballot paper " + (paper + 1) + " ranks " + candidate + " twice");
                }
                ranks.add(position);
            }
            groups.merge(List.copyOf(ranks), 1, Integer::sum);
        }
        List<RankedVote> grouped = new ArrayList<>();
        groups.forEach((ranking, count) -> grouped.add(new RankedVote(count, ranking)));
        CountReport report;
        try {
            report = count(method, post.name(), scheduled.seats(), scheduled.id(), candidates, grouped);
        } catch (CountException | IllegalArgumentException uncountable) {
            return Outcome.reject("the ballots cannot be counted by " + method.name() + ": " + uncountable.getMessage());
        }
        List<List<RankedVote>> parts = parts(grouped);
        List<CouncilEvent> ballotEntries = new ArrayList<>();
        for (int part = 0; part < parts.size(); part++) {
            ballotEntries.add(new CongressEvent.ElectionBallotsRecorded(congress.id(), congress.unit(), scheduled.id(), part + 1, parts.get(part)));
        }
        return Outcome.accept(result(congress, context, ready, report, papers.size(), ballotEntries));
    }

    /** The result on the record: {@code body.elected}, the ballots' entries, the election held, the mandates conferred. */
    private static List<CouncilEvent> result(Congress congress, Context context, Ready ready, CountReport report, int papers,
                                             List<CouncilEvent> ballotEntries) {
        List<MemberId> elected = report.elected().stream().map(MemberId::parse).toList();
        List<String> rounds = report.rounds().stream().map(CongressElection::summary).toList();
        Election.Scheduled scheduled = ready.scheduled();
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CongressEvent.BodyElected(congress.id(), congress.unit(), scheduled.id(), ready.post().name(),
                ready.method().name(), scheduled.seats(), ready.candidates(), papers, ballotEntries.size(), elected, rounds));
        events.addAll(ballotEntries);
        events.add(new CouncilEvent.ElectionHeld(scheduled.id(), congress.unit(), List.of(), firstPreferences(report, ready.candidates()), elected));
        for (MemberId holder : elected) {
            events.add(new CouncilEvent.MandateConferred(new MandateId(context.newId()), ready.post().name(), congress.unit(), holder,
                    MandateSource.ELECTED, scheduled.id(), context.monthsLater(ready.post().termMonths())));
        }
        return events;
    }

    // ---- ranked ballots cast one by one ----

    static Outcome open(CongressCommand.OpenElection open, Congress congress, Context context) {
        Optional<String> refusal = CongressDesk.broken(CongressPolicy.CHAIRING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (open.election() != null && openIn(context, open.election()).isPresent()) {
            return Outcome.reject("election " + open.election() + " is already open for ballots");
        }
        String methodName = open.method() == null || open.method().isBlank() ? DEFAULT_METHOD : open.method().strip();
        if (!RANKED_METHODS.contains(methodName)) {
            return Outcome.reject("the delegates' ranked ballots are counted by one of " + String.join(", ", RANKED_METHODS)
                    + ", not '" + methodName + "'");
        }
        Ready ready;
        switch (check(congress, context, open.election(), methodName, open.candidates())) {
            case Refused refused -> {
                return Outcome.reject(refused.reason());
            }
            case Passed passed -> ready = passed.ready();
        }
        if (methodName.equals("irv") && ready.scheduled().seats() > 1) {
            return Outcome.reject("irv elects one candidate; this election fills " + ready.scheduled().seats()
                    + " seats: count it by stv-scottish, stv-meek or stv-wigm");
        }
        VoteMode mode = open.mode() == null ? VoteMode.NAMED : open.mode();
        return Outcome.accept(new CongressEvent.ElectionOpened(congress.id(), congress.unit(), ready.scheduled().id(),
                ready.post().name(), ready.method().name(), ready.scheduled().seats(), ready.candidates(), mode));
    }

    static Outcome cast(CongressCommand.CastRankedBallot cast, Congress congress, Context context) {
        Optional<String> refusal = CongressDesk.broken(List.of(CongressPolicy.THE_CONGRESS_IS_NOT_CLOSED,
                CongressPolicy.THE_CONGRESS_IS_IN_SESSION), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (context.by() == null || congress.seatOf(context.by()).isEmpty() && !congress.isDelegate(context.by())) {
            return Outcome.reject("you hold no accredited seat at this congress: only an accredited delegate, or the alternate"
                    + " sitting in their place, casts a ballot");
        }
        refusal = CongressDesk.broken(List.of(CongressPolicy.THE_ACTOR_SITS_IN_THE_HALL), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Congress.OpenElection election = cast.election() == null ? null : congress.openElection(cast.election()).orElse(null);
        if (election == null) {
            boolean held = cast.election() != null && congress.elections().stream().anyMatch(done -> done.election().equals(cast.election()));
            return Outcome.reject(held ? "election " + cast.election() + " is closed: its ballots were counted and the result is on the record"
                    : "there is no election " + cast.election() + " open for ballots at this congress");
        }
        List<MemberId> ranking = cast.ranking() == null ? List.of() : cast.ranking();
        if (ranking.isEmpty()) {
            return Outcome.reject("rank at least one candidate, 1 for your first preference");
        }
        Set<MemberId> seen = new HashSet<>();
        for (MemberId candidate : ranking) {
            if (candidate == null || !election.opened().candidates().contains(candidate)) {
                return Outcome.reject("the ballot ranks " + candidate + ", who is not a candidate in this election");
            }
            if (!seen.add(candidate)) {
                return Outcome.reject("the ballot ranks " + candidate + " twice: rank each candidate at most once");
            }
        }
        Seat seat = congress.seatOf(context.by()).orElseThrow();
        long weight = election.opened().mode() == VoteMode.CARD ? seat.cards() : 1;
        if (weight < 1) {
            return Outcome.reject("your seat represents no members: in a card election its ballot would weigh nothing");
        }
        return Outcome.accept(new CongressEvent.RankedBallotCast(congress.id(), congress.unit(), election.opened().election(),
                seat.mandate(), context.by(), ranking, weight));
    }

    static Outcome close(CongressCommand.CloseElection close, Congress congress, Context context) {
        Optional<String> refusal = CongressDesk.broken(CongressPolicy.CHAIRING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Congress.OpenElection election = close.election() == null ? null : congress.openElection(close.election()).orElse(null);
        if (election == null) {
            return Outcome.reject("there is no election " + close.election() + " open for ballots at this congress");
        }
        CongressEvent.ElectionOpened opened = election.opened();
        if (election.ballots().isEmpty()) {
            return Outcome.reject("no ballot has been cast in this election: it needs at least one before it is closed");
        }
        Election held = context.state().elections().find(opened.election()).orElse(null);
        if (!(held instanceof Election.Scheduled scheduled)) {
            return Outcome.reject("this election has already been held");
        }
        PostRule post = context.statutes().post(opened.post()).orElseThrow();
        Optional<String> vacancy = vacancy(context, post, scheduled);
        if (vacancy.isPresent()) {
            return Outcome.reject(vacancy.get());
        }
        CountMethod method = Counting.method(opened.method());
        CountReport report;
        try {
            report = countCast(method, opened, election.ballots());
        } catch (CountException | IllegalArgumentException uncountable) {
            return Outcome.reject("the ballots cannot be counted by " + method.name() + ": " + uncountable.getMessage());
        }
        return Outcome.accept(result(congress, context, new Ready(scheduled, post, method, opened.candidates()), report,
                election.ballots().size(), List.of()));
    }

    /**
     * Counts again an election whose ballots were cast one by one, from what the record holds: its
     * {@code congress-election.opened} entry and each seat's last {@code ranked-ballot.cast}, in the order last cast
     * ({@link Congress#castBallots}). The result is the one recorded, or the record was altered.
     */
    public static CountReport recount(CongressEvent.ElectionOpened opened, List<CongressEvent.RankedBallotCast> ballots) {
        return countCast(Counting.method(opened.method()), opened, ballots);
    }

    private static CountReport countCast(CountMethod method, CongressEvent.ElectionOpened opened,
                                         List<CongressEvent.RankedBallotCast> cast) {
        Map<MemberId, Integer> index = new HashMap<>();
        for (int position = 0; position < opened.candidates().size(); position++) {
            index.put(opened.candidates().get(position), position);
        }
        List<Ballot> ballots = new ArrayList<>();
        for (CongressEvent.RankedBallotCast ballot : cast) {
            ballots.add(Ballot.ranking(ballot.weight(), ballot.ranking().stream().mapToInt(index::get).toArray()));
        }
        List<String> names = opened.candidates().stream().map(MemberId::toString).toList();
        return method.count(new BallotBox(opened.post(), names, Set.of(), opened.seats(), ballots),
                CountOptions.seats(opened.seats()).withLotSeed(opened.election().toString()));
    }

    /**
     * Counts an election again from what the record holds: its {@code body.elected} entry and its ballots, in the
     * order recorded. The result is the one recorded, or the record was altered. Anyone holding the record can do this.
     */
    public static CountReport recount(CongressEvent.BodyElected election, List<RankedVote> ballots) {
        return count(Counting.method(election.method()), election.post(), election.seats(), election.election(),
                election.candidates(), ballots);
    }

    /** The count: each group of identical rankings is expanded into its ballot papers; the lot is seeded by the election's id. */
    private static CountReport count(CountMethod method, String post, int seats, ElectionId election,
                                     List<MemberId> candidates, List<RankedVote> grouped) {
        List<Ballot> ballots = new ArrayList<>();
        for (RankedVote group : grouped) {
            int[] ranks = group.ranking().stream().mapToInt(Integer::intValue).toArray();
            for (int paper = 0; paper < group.count(); paper++) {
                ballots.add(Ballot.ranking(1, ranks));
            }
        }
        List<String> names = candidates.stream().map(MemberId::toString).toList();
        return method.count(new BallotBox(post, names, Set.of(), seats, ballots), CountOptions.seats(seats).withLotSeed(election.toString()));
    }

    /** The groups of ballots split into parts of at most {@link #PART_CHARACTERS} characters of JSON (estimated from above). */
    static List<List<RankedVote>> parts(List<RankedVote> grouped) {
        List<List<RankedVote>> parts = new ArrayList<>();
        List<RankedVote> part = new ArrayList<>();
        int size = 0;
        for (RankedVote group : grouped) {
            int estimate = 32 + Integer.toString(group.count()).length();
            for (int index : group.ranking()) {
                estimate += Integer.toString(index).length() + 1;
            }
            if (!part.isEmpty() && size + estimate > PART_CHARACTERS) {
                parts.add(part);
                part = new ArrayList<>();
                size = 0;
            }
            part.add(group);
            size += estimate;
        }
        parts.add(part);
        return parts;
    }

    /** A round in one line: what was done, the quota, who was elected or excluded. */
    static String summary(Round round) {
        StringBuilder line = new StringBuilder("Round ").append(round.number()).append(": ").append(round.action());
        if (round.quota() != null) {
            line.append("; quota ").append(round.quota());
        }
        if (!round.elected().isEmpty()) {
            line.append("; elected ").append(String.join(", ", round.elected()));
        }
        if (!round.eliminated().isEmpty()) {
            line.append("; excluded ").append(String.join(", ", round.eliminated()));
        }
        return line.toString();
    }

    /** Each candidate's first-round votes, whole (every paper weighs one), for the council's election projection. */
    private static List<CandidateResult> firstPreferences(CountReport report, List<MemberId> candidates) {
        List<CandidateResult> results = new ArrayList<>();
        Round first = report.rounds().isEmpty() ? null : report.rounds().getFirst();
        for (MemberId candidate : candidates) {
            String votes = first == null ? null : first.votesOf(candidate.toString());
            int whole = votes == null ? 0 : wholeVotes(votes);
            results.add(new CandidateResult(candidate, whole));
        }
        return results;
    }

    private static int wholeVotes(String votes) {
        String numerator = votes.contains("/") ? votes.substring(0, votes.indexOf('/')) : votes;
        BigDecimal value = new BigDecimal(numerator);
        if (votes.contains("/")) {
            value = value.divide(new BigDecimal(votes.substring(votes.indexOf('/') + 1)), java.math.RoundingMode.DOWN);
        }
        return value.intValue();
    }
}
