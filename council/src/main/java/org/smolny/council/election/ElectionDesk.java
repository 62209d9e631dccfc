package org.smolny.council.election;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MandateSource;
import org.smolny.council.member.MemberId;
import org.smolny.council.statutes.ElectorateRule;
import org.smolny.council.statutes.PostRule;
import org.smolny.council.unit.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decides election commands. Stateless. */
public final class ElectionDesk {

    private ElectionDesk() {
    }

    public static Outcome decide(ElectionCommand command, Context context) {
        return switch (command) {
            case ElectionCommand.ScheduleElection schedule -> schedule(schedule, context);
            case ElectionCommand.HoldOpenElection hold -> hold(hold, context);
        };
    }

    private static Outcome schedule(ElectionCommand.ScheduleElection schedule, Context context) {
        if (schedule.election() == null || context.state().elections().find(schedule.election()).isPresent()) {
            return Outcome.reject("a new election needs a new id");
        }
        Unit unit = context.state().units().find(schedule.unit()).orElse(null);
        if (unit == null) {
            return Outcome.reject("there is no unit " + schedule.unit());
        }
        PostRule post = context.statutes().post(schedule.post()).orElse(null);
        if (post == null || !post.unitType().equals(unit.type())) {
            return Outcome.reject("the statutes define no post '" + schedule.post() + "' in units of type '" + unit.type() + "'");
        }
        if (!post.elective()) {
            return Outcome.reject("post '" + post.name() + "' is filled by appointment under the statutes, not by election");
        }
        int vacant = post.seats() - context.state().mandates().activeFor(post.name(), unit.id()).size()
                - context.state().elections().seatsScheduled(post.name(), unit.id());
        if (schedule.seats() < 1 || schedule.seats() > vacant) {
            return Outcome.reject("post '" + post.name() + "' in '" + unit.name() + "' has " + Math.max(0, vacant)
                    + " seat(s) neither filled nor already up for election; cannot schedule " + schedule.seats());
        }
        if (schedule.holdBy() == null || !schedule.holdBy().isAfter(context.now())) {
            return Outcome.reject("an election is scheduled for a date after today");
        }
        return Outcome.accept(new CouncilEvent.ElectionScheduled(schedule.election(), post.name(), unit.id(), schedule.seats(),
                ElectionKind.REGULAR, schedule.holdBy()));
    }

    private static Outcome hold(ElectionCommand.HoldOpenElection hold, Context context) {
        Election election = context.state().elections().find(hold.election()).orElse(null);
        if (!(election instanceof Election.Scheduled scheduled)) {
            return Outcome.reject(election == null ? "there is no election " + hold.election() : "this election has already been held");
        }
        var secret = context.state().secretBallots().undecidedBallotOf(scheduled.id());
        if (secret.isPresent()) {
            return Outcome.reject("this election is being held by secret ballot '" + secret.get().id()
                    + "': its result comes from the tellers' verified decryption, not from named ballots");
        }
        PostRule post = context.statutes().post(scheduled.post()).filter(PostRule::elective).orElse(null);
        ElectorateRule electorate = post == null ? null : context.statutes().electorate(post.electorate()).orElse(null);
        if (electorate == null) {
            return Outcome.reject("post '" + scheduled.post() + "' is no longer elective under the statutes in force");
        }
        Electorates electorates = context.electorates();
        if (hold.ballots() == null || hold.ballots().isEmpty()) {
            return Outcome.reject("no ballots: an election needs at least one vote");
        }
        Set<MemberId> voted = new HashSet<>();
        Map<MemberId, Integer> counts = new HashMap<>();
        for (Ballot ballot : hold.ballots()) {
            if (!voted.add(ballot.voter())) {
                return Outcome.reject("elector " + ballot.voter() + " voted twice");
            }
            if (!electorates.isElector(electorate, scheduled.unit(), ballot.voter(), context.now())) {
                return Outcome.reject(ballot.voter() + " is not in the electorate '" + electorate.name()
                        + "' (members on probation, former members and members of other units do not vote)");
            }
            if (ballot.candidates().size() > scheduled.seats()) {
                return Outcome.reject("elector " + ballot.voter() + " voted for " + ballot.candidates().size()
                        + " candidates; there are " + scheduled.seats() + " seat(s)");
            }
            for (MemberId candidate : ballot.candidates()) {
                counts.merge(candidate, 1, Integer::sum);
            }
        }
        for (MemberId candidate : counts.keySet()) {
            if (!electorates.isFullMember(scheduled.unit(), candidate, context.now())) {
                return Outcome.reject("candidate " + candidate + " cannot stand: only full members (past probation) of the unit can");
            }
            boolean holds = context.state().mandates().activeFor(post.name(), scheduled.unit()).stream()
                    .anyMatch(mandate -> mandate.holder().equals(candidate));
            if (holds) {
                return Outcome.reject("candidate " + candidate + " already holds a seat of '" + post.name() + "' here");
            }
        }
        int vacant = post.seats() - context.state().mandates().activeFor(post.name(), scheduled.unit()).size();
        if (vacant < scheduled.seats()) {
            return Outcome.reject("only " + vacant + " seat(s) of '" + post.name() + "' are vacant; the election was for " + scheduled.seats());
        }
        List<CandidateResult> results = new ArrayList<>();
        counts.forEach((candidate, votes) -> results.add(new CandidateResult(candidate, votes)));
        results.sort(Comparator.comparingInt(CandidateResult::votes).reversed()
                .thenComparing(result -> result.candidate().value()));
        int seats = Math.min(scheduled.seats(), results.size());
        if (seats == 0) {
            return Outcome.reject("no candidate received a vote");
        }
        if (results.size() > seats && results.get(seats).votes() == results.get(seats - 1).votes()) {
            int tiedVotes = results.get(seats - 1).votes();
            List<MemberId> tied = results.stream().filter(result -> result.votes() == tiedVotes).map(CandidateResult::candidate).toList();
            return Outcome.reject("a tie for the last seat, at " + tiedVotes + " votes, between " + tied
                    + ": hold a run-off between them");
        }
        List<MemberId> elected = results.subList(0, seats).stream().map(CandidateResult::candidate).toList();
        List<CouncilEvent> events = new ArrayList<>();
        if (NamedBallots.fitInline(hold.ballots())) {
            events.add(new CouncilEvent.ElectionHeld(scheduled.id(), scheduled.unit(), hold.ballots(), results, elected));
        } else {
            List<List<Ballot>> parts = NamedBallots.parts(hold.ballots());
            events.add(new CouncilEvent.ElectionHeld(scheduled.id(), scheduled.unit(), List.of(), results, elected,
                    hold.ballots().size(), parts.size(), NamedBallots.digest(hold.ballots())));
            for (int part = 0; part < parts.size(); part++) {
                events.add(new CouncilEvent.NamedBallotsRecorded(scheduled.id(), scheduled.unit(), part + 1, parts.get(part)));
            }
        }
        for (MemberId holder : elected) {
            events.add(new CouncilEvent.MandateConferred(new MandateId(context.newId()), post.name(), scheduled.unit(), holder,
                    MandateSource.ELECTED, scheduled.id(), context.monthsLater(post.termMonths())));
        }
        return Outcome.accept(events);
    }
}
