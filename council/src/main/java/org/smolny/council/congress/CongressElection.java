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

    static Outcome elect(CongressCommand.ElectBody elect, Congress congress, Context context) {
        List<Rule<CongressPolicy.Act>> rules = new ArrayList<>(CongressPolicy.CHAIRING);
        rules.add(CongressPolicy.NO_VOTE_IS_OPEN);
        Optional<String> refusal = CongressDesk.broken(rules, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Election election = elect.election() == null ? null : context.state().elections().find(elect.election()).orElse(null);
        if (!(election instanceof Election.Scheduled scheduled)) {
            return Outcome.reject(election == null ? "there is no election " + elect.election() + " scheduled"
                    : "this election has already been held");
        }
        if (!scheduled.unit().equals(congress.unit())) {
            return Outcome.reject("the election of '" + scheduled.post() + "' belongs to another unit than this congress");
        }
        PostRule post = context.statutes().post(scheduled.post()).orElseThrow();
        ElectorateRule electorate = context.statutes().electorate(post.electorate()).orElse(null);
        if (electorate == null || electorate.kind() != ElectorateKind.MANDATE_HOLDERS
                || !electorate.post().equals(congress.convocation().delegatePost())) {
            return Outcome.reject("post '" + post.name() + "' is elected by the electorate '" + post.electorate()
                    + "', not by the delegates of this congress");
        }
        CountMethod method;
        try {
            method = Counting.method(elect.method() == null ? "" : elect.method());
        } catch (CountException unknown) {
            return Outcome.reject(unknown.getMessage());
        }
        List<MemberId> candidates = elect.candidates() == null ? List.of() : List.copyOf(elect.candidates());
        if (candidates.isEmpty() || new HashSet<>(candidates).size() != candidates.size()) {
            return Outcome.reject("an election has one or more candidates, each named once");
        }
        for (MemberId candidate : candidates) {
            if (!context.electorates().isFullMember(congress.unit(), candidate, context.now())) {
                return Outcome.reject("candidate " + candidate + " cannot stand: only full members (past probation) can");
            }
            if (context.state().mandates().activeFor(post.name(), congress.unit()).stream().anyMatch(held -> held.holder().equals(candidate))) {
                return Outcome.reject("candidate " + candidate + " already holds a seat of '" + post.name() + "'");
            }
        }
        int vacant = post.seats() - context.state().mandates().activeFor(post.name(), congress.unit()).size();
        if (vacant < scheduled.seats()) {
            return Outcome.reject("only " + vacant + " seat(s) of '" + post.name() + "' are vacant; the election was for " + scheduled.seats());
        }
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
        List<MemberId> elected = report.elected().stream().map(MemberId::parse).toList();
        List<String> rounds = report.rounds().stream().map(CongressElection::summary).toList();
        List<List<RankedVote>> parts = parts(grouped);
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CongressEvent.BodyElected(congress.id(), congress.unit(), scheduled.id(), post.name(), method.name(),
                scheduled.seats(), candidates, papers.size(), parts.size(), elected, rounds));
        for (int part = 0; part < parts.size(); part++) {
            events.add(new CongressEvent.ElectionBallotsRecorded(congress.id(), congress.unit(), scheduled.id(), part + 1, parts.get(part)));
        }
        events.add(new CouncilEvent.ElectionHeld(scheduled.id(), congress.unit(), List.of(), firstPreferences(report, candidates), elected));
        for (MemberId holder : elected) {
            events.add(new CouncilEvent.MandateConferred(new MandateId(context.newId()), post.name(), congress.unit(), holder,
                    MandateSource.ELECTED, scheduled.id(), context.monthsLater(post.termMonths())));
        }
        return Outcome.accept(events);
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
