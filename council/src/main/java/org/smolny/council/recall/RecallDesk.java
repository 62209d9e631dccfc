package org.smolny.council.recall;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Rule;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateEndings;
import org.smolny.council.statutes.DecisionRule;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.ElectorateRule;
import org.smolny.council.statutes.RecallProcedure;
import org.smolny.council.statutes.VoteTally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Decides recall commands ({@link RecallPolicy} lists the rules) and lapses petitions whose time ran out. Stateless. */
public final class RecallDesk {

    private RecallDesk() {
    }

    public static Outcome decide(RecallCommand command, Context context) {
        return switch (command) {
            case RecallCommand.OpenRecallPetition open -> open(open, context);
            case RecallCommand.SignRecallPetition sign -> sign(sign, context);
            case RecallCommand.DecideRecallVote vote -> vote(vote, context);
            case RecallCommand.CastRecallVote cast -> cast(cast, context);
            case RecallCommand.VetoRecall veto -> Outcome.reject(RecallPolicy.NO_VETO);
        };
    }

    private static ElectorateRule electorateOf(Mandate mandate, Context context) {
        String electorate = context.statutes().post(mandate.post()).map(post -> post.electorate()).orElse(null);
        return electorate == null ? null : context.statutes().electorate(electorate).orElse(null);
    }

    private static Outcome open(RecallCommand.OpenRecallPetition open, Context context) {
        if (open.petition() == null || context.state().recallPetitions().find(open.petition()).isPresent()) {
            return Outcome.reject("a new petition needs a new id");
        }
        Mandate.Active mandate = context.state().mandates().active(open.mandate()).orElse(null);
        if (mandate == null) {
            return Outcome.reject("there is no mandate in force " + open.mandate());
        }
        ElectorateRule electorate = electorateOf(mandate, context);
        if (electorate == null && mandate.source() == org.smolny.council.mandate.MandateSource.ELECTED) {
            return Outcome.reject("post '" + mandate.post() + "' has no electorate under the statutes in force, so it cannot be recalled by one");
        }
        Optional<String> refusal = Rule.firstBroken(RecallPolicy.OPENING, new RecallPolicy.Opening(open, mandate, electorate, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        int size = context.electorates().size(electorate, mandate.unit(), context.now());
        int needed = context.statutes().recall().threshold().of(size);
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.RecallPetitionOpened(open.petition(), mandate.id(), mandate.unit(), context.by(), size, needed,
                context.daysLater(context.statutes().recall().petitionDays())));
        if (needed <= 1) {
            events.addAll(thresholdReached(open.petition(), mandate, 1, context));
        }
        return Outcome.accept(events);
    }

    private static Outcome sign(RecallCommand.SignRecallPetition sign, Context context) {
        RecallPetition petition = context.state().recallPetitions().find(sign.petition()).orElse(null);
        if (!(petition instanceof RecallPetition.Open open)) {
            return Outcome.reject(petition == null ? "there is no petition " + sign.petition()
                    : "the petition is no longer taking signatures");
        }
        Mandate.Active mandate = context.state().mandates().active(open.mandate()).orElse(null);
        if (mandate == null) {
            return Outcome.reject("the mandate this petition recalls has already ended");
        }
        ElectorateRule electorate = electorateOf(mandate, context);
        Optional<String> refusal = Rule.firstBroken(RecallPolicy.SIGNING, new RecallPolicy.Signing(open, mandate, electorate, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.RecallPetitionSigned(open.id(), open.unit(), context.by()));
        int signatures = context.state().recallPetitions().signatureCount(open.id()) + 1;
        if (signatures >= open.signaturesNeeded()) {
            events.addAll(thresholdReached(open.id(), mandate, signatures, context));
        }
        return Outcome.accept(events);
    }

    /** At the threshold: the mandate ends and a by-election is scheduled, or the recall vote opens. Nobody's consent is asked. */
    private static List<CouncilEvent> thresholdReached(PetitionId petition, Mandate.Active mandate, int signatures, Context context) {
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.RecallPetitionSucceeded(petition, mandate.unit(), signatures));
        if (context.statutes().recall().procedure() == RecallProcedure.MANDATE_ENDS) {
            events.add(new CouncilEvent.MandateRecalled(mandate.id(), mandate.unit(), petition));
            events.add(MandateEndings.byElection(context, mandate));
        } else {
            events.add(new CouncilEvent.RecallVoteOpened(petition, mandate.unit(),
                    context.daysLater(context.statutes().recall().voteDays())));
        }
        return events;
    }

    private static Outcome vote(RecallCommand.DecideRecallVote vote, Context context) {
        RecallPetition petition = context.state().recallPetitions().find(vote.petition()).orElse(null);
        if (!(petition instanceof RecallPetition.AwaitingVote awaiting)) {
            return Outcome.reject("no recall vote is open on petition " + vote.petition());
        }
        if (vote.electorateVote() == null) {
            return Outcome.reject("a recall vote gives the electorate's count");
        }
        if (awaiting.votingClosesAt() != null && !context.now().isBefore(awaiting.votingClosesAt())) {
            return Outcome.reject("the recall vote closed at its statutory deadline, " + awaiting.votingClosesAt());
        }
        if (!context.state().recallPetitions().votesCast(awaiting.id()).isEmpty()) {
            return Outcome.reject("electors are casting their votes on this recall one by one; the vote is decided when it closes, at "
                    + awaiting.votingClosesAt());
        }
        if (vote.electorateVote().entitled() != awaiting.electorateSize()) {
            return Outcome.reject("the recall vote is of the electorate counted when the petition opened: "
                    + awaiting.electorateSize() + " entitled, not " + vote.electorateVote().entitled());
        }
        DecisionRule rule = context.statutes().rule(DecisionType.RECALL_VOTE);
        if (!rule.hasQuorum(vote.electorateVote())) {
            return Outcome.reject("no decision: " + rule.failure(vote.electorateVote()).orElseThrow());
        }
        Mandate.Active mandate = context.state().mandates().active(awaiting.mandate()).orElse(null);
        if (mandate == null) {
            return Outcome.reject("the mandate has already ended, so there is nothing left to recall");
        }
        boolean recalled = rule.carries(vote.electorateVote());
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.RecallVoteDecided(awaiting.id(), awaiting.unit(), vote.electorateVote(), recalled));
        if (recalled) {
            events.add(new CouncilEvent.MandateRecalled(mandate.id(), mandate.unit(), awaiting.id()));
            events.add(MandateEndings.byElection(context, mandate));
        }
        return Outcome.accept(events);
    }

    private static Outcome cast(RecallCommand.CastRecallVote cast, Context context) {
        RecallPetition petition = context.state().recallPetitions().find(cast.petition()).orElse(null);
        if (!(petition instanceof RecallPetition.AwaitingVote awaiting)) {
            return Outcome.reject("no recall vote is open on petition " + cast.petition());
        }
        if (cast.position() == null) {
            return Outcome.reject("a vote on a recall is for, against, or an abstention");
        }
        if (awaiting.votingClosesAt() != null && !context.now().isBefore(awaiting.votingClosesAt())) {
            return Outcome.reject("the recall vote closed at its statutory deadline, " + awaiting.votingClosesAt());
        }
        Mandate.Active mandate = context.state().mandates().active(awaiting.mandate()).orElse(null);
        if (mandate == null) {
            return Outcome.reject("the mandate has already ended, so there is nothing left to recall");
        }
        ElectorateRule electorate = electorateOf(mandate, context);
        if (context.by() == null || electorate == null
                || !context.electorates().isElector(electorate, mandate.unit(), context.by(), context.now())) {
            return Outcome.reject("only electors of the mandate's electorate vote on its recall");
        }
        if (context.state().recallPetitions().votesCast(awaiting.id()).containsKey(context.by())) {
            return Outcome.reject("elector " + context.by() + " has already voted on this recall");
        }
        return Outcome.accept(new CouncilEvent.RecallVoteCast(awaiting.id(), awaiting.unit(), context.by(), cast.position()));
    }

    /**
     * Recall votes whose statutory deadline has come close: the votes cast are counted against the electorate counted
     * when the petition opened, and the statutes' rule for recall votes (quorum and majority) decides. Without a
     * quorum, or without the majority, the mandate continues.
     */
    public static List<CouncilEvent> deadlines(Context context) {
        List<RecallPetition.AwaitingVote> closing = new ArrayList<>();
        for (RecallPetition petition : context.state().recallPetitions().all()) {
            if (petition instanceof RecallPetition.AwaitingVote awaiting && awaiting.votingClosesAt() != null
                    && !context.now().isBefore(awaiting.votingClosesAt())
                    && context.state().mandates().active(awaiting.mandate())
                            .map(mandate -> mandate.endsAt() == null || mandate.endsAt().isAfter(context.now())).orElse(false)) {
                closing.add(awaiting);
            }
        }
        closing.sort(Comparator.comparing(petition -> petition.id().value()));
        DecisionRule rule = context.statutes().rule(DecisionType.RECALL_VOTE);
        List<CouncilEvent> events = new ArrayList<>();
        for (RecallPetition.AwaitingVote awaiting : closing) {
            java.util.Collection<org.smolny.council.mandate.Position> cast =
                    context.state().recallPetitions().votesCast(awaiting.id()).values();
            int inFavour = (int) cast.stream().filter(position -> position == org.smolny.council.mandate.Position.FOR).count();
            int against = (int) cast.stream().filter(position -> position == org.smolny.council.mandate.Position.AGAINST).count();
            VoteTally tally = new VoteTally(Math.max(awaiting.electorateSize(), cast.size()), cast.size(), inFavour, against,
                    cast.size() - inFavour - against);
            boolean recalled = rule.hasQuorum(tally) && rule.carries(tally);
            events.add(new CouncilEvent.RecallVoteDecided(awaiting.id(), awaiting.unit(), tally, recalled));
            if (recalled) {
                Mandate.Active mandate = context.state().mandates().active(awaiting.mandate()).orElseThrow();
                events.add(new CouncilEvent.MandateRecalled(mandate.id(), mandate.unit(), awaiting.id()));
                events.add(MandateEndings.byElection(context, mandate));
            }
        }
        return events;
    }

    /**
     * Open petitions past their closing date lapse; so do open petitions and pending recall votes whose mandate ended
     * (or expires now) otherwise.
     */
    public static List<CouncilEvent> lapses(Context context) {
        List<RecallPetition> lapsing = new ArrayList<>();
        for (RecallPetition petition : context.state().recallPetitions().all()) {
            boolean mandateOver = context.state().mandates().active(petition.mandate())
                    .map(mandate -> mandate.endsAt() != null && !mandate.endsAt().isAfter(context.now())).orElse(true);
            boolean timeOver = petition instanceof RecallPetition.Open open && !context.now().isBefore(open.closesAt());
            if (!(petition instanceof RecallPetition.Closed) && (mandateOver || timeOver)) {
                lapsing.add(petition);
            }
        }
        lapsing.sort(Comparator.comparing(petition -> petition.id().value()));
        List<CouncilEvent> events = new ArrayList<>();
        for (RecallPetition petition : lapsing) {
            events.add(new CouncilEvent.RecallPetitionLapsed(petition.id(), petition.unit(),
                    context.state().recallPetitions().signatureCount(petition.id())));
        }
        return events;
    }
}
