package org.smolny.council.secret;

import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Rule;
import org.smolny.council.congress.Congress;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressDesk;
import org.smolny.council.congress.CongressPolicy;
import org.smolny.council.congress.Seat;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.CandidateResult;
import org.smolny.council.election.Election;
import org.smolny.council.election.Electorates;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MandateSource;
import org.smolny.council.statutes.ElectorateRule;
import org.smolny.council.statutes.PostRule;
import org.smolny.council.unit.Unit;
import org.smolny.council.member.MemberId;
import org.smolny.council.secret.internal.Wire;
import org.smolny.council.unit.UnitId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Decides the commands of secret ballots. The rules, in the order checked:
 * <ul>
 *   <li>opening a secret congress vote: every rule of opening a congress vote ({@link CongressPolicy}, the voting
 *       order); a new ballot id; the manifest is the one {@link SecretQuestions} makes for this question, with the
 *       ballot's id; one teller per trustee of the manifest, each a member of the organisation; the joint key names a
 *       verification key for each trustee 1..n; one public credential per accredited seat (a seat weighing no card
 *       gets none in a card vote), each credential once, their weights exactly the seats' (one each, or the seats'
 *       cards) — so nobody can add a voter later;</li>
 *   <li>opening a secret election of a mandate: the election is scheduled and not already being held by secret
 *       ballot; the post is still elective; the one who opens it is an elector; the candidates are full members of
 *       the unit, each named once, none holding a seat of the post nor a teller; the seats are still vacant; the
 *       manifest is {@link SecretQuestions#mandateElection}'s; the tellers and key as for a congress vote; one
 *       credential of weight 1 per elector of the post's electorate, counted now;</li>
 *   <li>closing the box: for a congress, only the chair, the congress in session; for an election, only a teller; every credential on the record; the board read from
 *       the record replays entry by entry into a fresh board with the same tracking codes ({@link SecretCount#board});</li>
 *   <li>deciding: only the chair; the box closed; the tally the tellers decrypted is the one recorded at closing; every
 *       share of every partial decryption proven; k tellers combined ({@link SecretCount#decryption}); then the
 *       congress's own quorum and majority decide ({@link CongressDesk#decideOpenVote}); an election is decided by
 *       plurality, as an open election (a tie for the last seat decides nothing but the counts: hold a run-off by a
 *       new secret ballot between the tied candidates).</li>
 * </ul>
 * A refusal changes nothing. Pure; stateless.
 */
public final class SecretBallotDesk {

    /** The most decryption shares (selections × threshold) one {@code secret-ballot.decrypted} entry holds (under 64 KiB). */
    public static final int MAX_SHARES = 100;

    private SecretBallotDesk() {
    }

    public static Outcome decide(SecretBallotCommand command, Context context) {
        if (command.ballot() == null || !SecretBallotEvent.BALLOT_ID.matcher(command.ballot()).matches()) {
            return Outcome.reject("a secret ballot's id is 1 to 64 of a-z, 0-9 and '-' (not at either end), got '"
                    + command.ballot() + "'");
        }
        return switch (command) {
            case SecretBallotCommand.OpenSecretVote open -> openVote(open, context);
            case SecretBallotCommand.OpenSecretElection open -> openElection(open, context);
            case SecretBallotCommand.CloseBallotBox close -> closeBox(close, context);
            case SecretBallotCommand.DecryptBallot decrypt -> decrypt(decrypt, context);
        };
    }

    // ---- opening ----

    private static Outcome openVote(SecretBallotCommand.OpenSecretVote open, Context context) {
        Outcome opened = CongressDesk.decide(new CongressCommand.OpenVote(open.congress(), open.motion(), open.amendment(),
                open.weighting()), context);
        if (!(opened instanceof Outcome.Accepted accepted)) {
            return opened;
        }
        Congress congress = context.state().congresses().find(open.congress()).orElseThrow();
        Optional<String> refusal = setupRefusal(open.ballot(), open.manifest(), open.key(), open.tellers(), context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Manifest expected = SecretQuestions.congressVote(open.ballot(), congress, open.motion(), open.amendment(),
                open.manifest().trustees());
        if (!expected.equals(open.manifest())) {
            return Outcome.reject("the manifest is not the one for this question: the tellers' key ceremony must be held for "
                    + new String(expected.canonicalJson(), StandardCharsets.UTF_8));
        }
        List<Long> eligible = new ArrayList<>();
        for (Seat seat : congress.seats()) {
            long weight = open.weighting() == VoteMode.CARD ? seat.cards() : 1;
            if (weight > 0) {
                eligible.add(weight);
            }
        }
        refusal = credentialsRefusal(open.credentials(), eligible, open.weighting() == VoteMode.CARD
                ? "the accredited seats' cards" : "one vote per accredited seat");
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        List<CouncilEvent> events = new ArrayList<>(accepted.events());
        List<SecretBallotEvent.Credential> credentials = Wire.credentials(open.credentials());
        events.add(new SecretBallotEvent.SecretVoteOpened(open.ballot(), congress.id(), congress.unit(), open.motion(),
                open.amendment(), open.weighting(), setup(open.manifest(), open.key(), open.tellers(), credentials)));
        events.addAll(parts(open.ballot(), congress.unit(), credentials));
        return Outcome.accept(events);
    }

    private static Outcome openElection(SecretBallotCommand.OpenSecretElection open, Context context) {
        Election election = open.election() == null ? null : context.state().elections().find(open.election()).orElse(null);
        if (!(election instanceof Election.Scheduled scheduled)) {
            return Outcome.reject(election == null ? "there is no election " + open.election() : "this election has already been held");
        }
        if (context.state().secretBallots().undecidedBallotOf(scheduled.id()).isPresent()) {
            return Outcome.reject("the election is already being held by secret ballot '"
                    + context.state().secretBallots().undecidedBallotOf(scheduled.id()).orElseThrow().id() + "'");
        }
        PostRule post = context.statutes().post(scheduled.post()).filter(PostRule::elective).orElse(null);
        ElectorateRule electorate = post == null ? null : context.statutes().electorate(post.electorate()).orElse(null);
        if (electorate == null) {
            return Outcome.reject("post '" + scheduled.post() + "' is no longer elective under the statutes in force");
        }
        Electorates electorates = context.electorates();
        if (context.by() == null || !electorates.isElector(electorate, scheduled.unit(), context.by(), context.now())) {
            return Outcome.reject("only an elector of the post's electorate '" + electorate.name() + "' opens its election");
        }
        Optional<String> refusal = candidatesRefusal(open.candidates(), scheduled, post, open.tellers(), context);
        if (refusal.isEmpty()) {
            refusal = setupRefusal(open.ballot(), open.manifest(), open.key(), open.tellers(), context);
        }
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        String unitName = context.state().units().find(scheduled.unit()).map(Unit::name).orElse(scheduled.unit().toString());
        Manifest expected = SecretQuestions.mandateElection(open.ballot(), post.name(), unitName, scheduled.seats(),
                open.candidates(), open.manifest().trustees());
        if (!expected.equals(open.manifest())) {
            return Outcome.reject("the manifest is not the one for this election: the tellers' key ceremony must be held for "
                    + new String(expected.canonicalJson(), StandardCharsets.UTF_8));
        }
        int electors = electorates.size(electorate, scheduled.unit(), context.now());
        refusal = credentialsRefusal(open.credentials(), java.util.Collections.nCopies(electors, 1L),
                "one vote per elector");
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        List<CouncilEvent> events = new ArrayList<>();
        List<SecretBallotEvent.Credential> credentials = Wire.credentials(open.credentials());
        events.add(new SecretBallotEvent.SecretElectionOpened(open.ballot(), scheduled.id(), scheduled.unit(),
                setup(open.manifest(), open.key(), open.tellers(), credentials)));
        events.addAll(parts(open.ballot(), scheduled.unit(), credentials));
        return Outcome.accept(events);
    }

    private static Optional<String> candidatesRefusal(List<MemberId> candidates, Election.Scheduled scheduled, PostRule post,
                                                      List<MemberId> tellers, Context context) {
        if (candidates == null || candidates.isEmpty() || new HashSet<>(candidates).size() != candidates.size()) {
            return Optional.of("a secret election has its candidates, each named once");
        }
        int vacant = post.seats() - context.state().mandates().activeFor(post.name(), scheduled.unit()).size();
        if (vacant < scheduled.seats()) {
            return Optional.of("only " + vacant + " seat(s) of '" + post.name() + "' are vacant; the election was for " + scheduled.seats());
        }
        for (MemberId candidate : candidates) {
            if (candidate == null || !context.electorates().isFullMember(scheduled.unit(), candidate, context.now())) {
                return Optional.of("candidate " + candidate + " cannot stand: only full members (past probation) of the unit can");
            }
            boolean holds = context.state().mandates().activeFor(post.name(), scheduled.unit()).stream()
                    .anyMatch(mandate -> mandate.holder().equals(candidate));
            if (holds) {
                return Optional.of("candidate " + candidate + " already holds a seat of '" + post.name() + "' here");
            }
            if (tellers != null && tellers.contains(candidate)) {
                return Optional.of("candidate " + candidate + " cannot be a teller of their own election");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> setupRefusal(String ballot, Manifest manifest, JointKeyRecord key, List<MemberId> tellers,
                                                 Context context) {
        if (context.state().secretBallots().find(ballot).isPresent()) {
            return Optional.of("secret ballot '" + ballot + "' already exists: a new ballot needs a new id");
        }
        if (manifest == null || key == null || tellers == null) {
            return Optional.of("a secret ballot opens with its manifest, the joint key of its tellers' key ceremony and the tellers");
        }
        if (!manifest.electionId().equals(ballot)) {
            return Optional.of("the manifest is for election '" + manifest.electionId() + "', not for ballot '" + ballot + "'");
        }
        CeremonyParameters trustees = manifest.trustees();
        int selections = manifest.contests().stream().mapToInt(contest -> contest.selections().size()).sum();
        if (selections * trustees.threshold() > MAX_SHARES) {
            return Optional.of("the tellers' partial decryptions (" + selections + " selection(s) × threshold "
                    + trustees.threshold() + ") would not fit one record entry: at most " + MAX_SHARES
                    + " shares, so fewer candidates or a lower threshold");
        }
        if (tellers.size() != trustees.trustees() || new HashSet<>(tellers).size() != tellers.size()) {
            return Optional.of("the manifest has " + trustees.trustees() + " trustee(s): name as many different tellers, in"
                    + " the order of their trustee numbers (" + tellers.size() + " named)");
        }
        for (MemberId teller : tellers) {
            if (teller == null || context.state().members().active(teller).isEmpty()) {
                return Optional.of("teller " + teller + " is not a member of the organisation: tellers are members, named on the record");
            }
        }
        for (int index = 1; index <= trustees.trustees(); index++) {
            if (!key.verificationKeys().containsKey(index)) {
                return Optional.of("the joint key has no verification key for trustee " + index + ": hold the key ceremony"
                        + " to its end ('smolny election open')");
            }
        }
        if (key.verificationKeys().size() != trustees.trustees()) {
            return Optional.of("the joint key names " + key.verificationKeys().size() + " trustees; the manifest has "
                    + trustees.trustees());
        }
        return Optional.empty();
    }

    private static Optional<String> credentialsRefusal(List<PublicCredential> credentials, List<Long> eligible, String what) {
        if (credentials == null || credentials.isEmpty()) {
            return Optional.of("no credentials: issue one to each voter (" + eligible.size() + " eligible)");
        }
        if (credentials.size() != eligible.size()) {
            return Optional.of(credentials.size() + " credential(s) for " + eligible.size()
                    + " eligible voter(s): issue exactly one credential per voter, so nobody can be added or left out");
        }
        HashSet<GroupElement> keys = new HashSet<>();
        for (PublicCredential credential : credentials) {
            if (!keys.add(credential.key())) {
                return Optional.of("a public credential is listed twice");
            }
        }
        List<Long> given = credentials.stream().map(PublicCredential::weight).sorted().toList();
        if (!given.equals(eligible.stream().sorted().toList())) {
            return Optional.of("the credentials' weights are not " + what + ": each voter's credential weighs what their vote weighs");
        }
        return Optional.empty();
    }

    private static SecretBallotEvent.Setup setup(Manifest manifest, JointKeyRecord key, List<MemberId> tellers,
                                                 List<SecretBallotEvent.Credential> credentials) {
        long total = credentials.stream().mapToLong(SecretBallotEvent.Credential::weight).sum();
        int parts = (credentials.size() + SecretBallotEvent.CREDENTIALS_PER_PART - 1) / SecretBallotEvent.CREDENTIALS_PER_PART;
        return new SecretBallotEvent.Setup(new String(manifest.canonicalJson(), StandardCharsets.UTF_8), manifest.hash().hex(),
                tellers, Wire.hex(key.jointKey()), Wire.keys(key.verificationKeys()), credentials.size(), total, parts,
                Wire.digest(credentials));
    }

    private static List<CouncilEvent> parts(String ballot, UnitId unit, List<SecretBallotEvent.Credential> credentials) {
        List<CouncilEvent> events = new ArrayList<>();
        for (int from = 0, part = 1; from < credentials.size(); from += SecretBallotEvent.CREDENTIALS_PER_PART, part++) {
            events.add(new SecretBallotEvent.CredentialsPublished(ballot, unit, part,
                    credentials.subList(from, Math.min(credentials.size(), from + SecretBallotEvent.CREDENTIALS_PER_PART))));
        }
        return events;
    }

    // ---- closing the box ----

    private static Outcome closeBox(SecretBallotCommand.CloseBallotBox close, Context context) {
        SecretBallot ballot = context.state().secretBallots().find(close.ballot()).orElse(null);
        if (ballot == null) {
            return Outcome.reject("there is no secret ballot '" + close.ballot() + "'");
        }
        if (!(ballot.phase() instanceof SecretBallot.Open)) {
            return Outcome.reject("the ballot box of '" + ballot.id() + "' is already closed");
        }
        Optional<String> refusal = actorRefusal(ballot, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (!ballot.credentialsComplete()) {
            return Outcome.reject("the credentials of '" + ballot.id() + "' are not all on the record");
        }
        if (close.board() == null) {
            return Outcome.reject("give the board: every ballot.cast and ballot.challenged entry of '" + ballot.id() + "' on the record");
        }
        return switch (SecretCount.board(ballot, close.board())) {
            case SecretCount.BoardCheck.Refused refused -> Outcome.reject("the board of '" + ballot.id() + "' is refused, nothing"
                    + " is recorded: " + refused.reason());
            case SecretCount.BoardCheck.Verified verified -> Outcome.accept(new SecretBallotEvent.BallotClosed(ballot.id(),
                    ballot.unit(), verified.entries(), verified.counted(), verified.last().hex(), Wire.tally(verified.tally())));
        };
    }

    private static Optional<String> actorRefusal(SecretBallot ballot, Context context) {
        return switch (ballot.question()) {
            case SecretBallot.CongressQuestion question -> {
                Congress congress = context.state().congresses().find(question.congress()).orElseThrow();
                yield Rule.firstBroken(CongressPolicy.CHAIRING, new CongressPolicy.Act(congress, context));
            }
            case SecretBallot.MandateElection election -> ballot.tellers().contains(context.by()) ? Optional.empty()
                    : Optional.of("only a teller of '" + ballot.id() + "' closes its box and records its decryption");
        };
    }

    // ---- decrypting and deciding ----

    private static Outcome decrypt(SecretBallotCommand.DecryptBallot decrypt, Context context) {
        SecretBallot ballot = context.state().secretBallots().find(decrypt.ballot()).orElse(null);
        if (ballot == null) {
            return Outcome.reject("there is no secret ballot '" + decrypt.ballot() + "'");
        }
        if (!(ballot.phase() instanceof SecretBallot.BoxClosed box)) {
            return Outcome.reject(ballot.phase() instanceof SecretBallot.Open ? "the ballot box of '" + ballot.id()
                    + "' is still open: close it first, then the tellers decrypt the tally recorded at closing"
                    : "secret ballot '" + ballot.id() + "' is already decided");
        }
        Optional<String> refusal = actorRefusal(ballot, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        return switch (SecretCount.decryption(ballot, box.tally(), decrypt.tally(), decrypt.partials())) {
            case SecretCount.DecryptionCheck.Refused refused -> Outcome.reject("the decryption of '" + ballot.id()
                    + "' is refused, nothing is recorded: " + refused.reason());
            case SecretCount.DecryptionCheck.Verified verified -> {
                List<CouncilEvent> events = new ArrayList<>();
                events.add(new SecretBallotEvent.BallotDecrypted(ballot.id(), ballot.unit(),
                        decrypt.partials().stream().map(Wire::partial).toList(), verified.trustees(), verified.counts()));
                events.addAll(decision(ballot, verified.counts(), context));
                yield Outcome.accept(events);
            }
        };
    }

    private static List<CouncilEvent> decision(SecretBallot ballot, List<List<Long>> counts, Context context) {
        return switch (ballot.question()) {
            case SecretBallot.CongressQuestion question -> {
                Congress congress = context.state().congresses().find(question.congress()).orElseThrow();
                List<Long> positions = counts.getFirst();
                yield CongressDesk.decideOpenVote(congress, context, positions.get(0), positions.get(1), positions.get(2), true);
            }
            case SecretBallot.MandateElection question -> elected(ballot, question, counts.getFirst(), context);
        };
    }

    /**
     * Plurality: the candidates with the most votes fill the seats, each elector having marked at most as many as
     * there are seats. A tie for the last seat decides nothing beyond the decrypted counts (hold a run-off between the
     * tied candidates by a new ballot); otherwise the election is held and the mandates conferred, as for an open
     * election.
     */
    private static List<CouncilEvent> elected(SecretBallot ballot, SecretBallot.MandateElection question, List<Long> votes,
                                              Context context) {
        Election.Scheduled scheduled = (Election.Scheduled) context.state().elections().find(question.election()).orElseThrow();
        PostRule post = context.statutes().post(scheduled.post()).orElseThrow();
        List<String> standing = ballot.manifest().contests().getFirst().selections();
        List<CandidateResult> results = new ArrayList<>();
        for (int index = 0; index < standing.size(); index++) {
            results.add(new CandidateResult(MemberId.parse(standing.get(index)), Math.toIntExact(votes.get(index))));
        }
        results.sort(Comparator.comparingInt(CandidateResult::votes).reversed().thenComparing(result -> result.candidate().value()));
        int seats = Math.min(scheduled.seats(), (int) results.stream().filter(result -> result.votes() > 0).count());
        boolean tie = seats > 0 && results.size() > seats && results.get(seats).votes() == results.get(seats - 1).votes();
        if (seats == 0 || tie) {
            return List.of();
        }
        List<MemberId> elected = results.subList(0, seats).stream().map(CandidateResult::candidate).toList();
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CouncilEvent.ElectionHeld(scheduled.id(), scheduled.unit(), List.of(), results, elected));
        for (MemberId holder : elected) {
            events.add(new CouncilEvent.MandateConferred(new MandateId(context.newId()), post.name(), scheduled.unit(), holder,
                    MandateSource.ELECTED, scheduled.id(), context.monthsLater(post.termMonths())));
        }
        return events;
    }
}
