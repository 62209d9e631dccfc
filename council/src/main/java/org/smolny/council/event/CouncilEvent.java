package org.smolny.council.event;

import org.smolny.council.election.Ballot;
import org.smolny.council.election.CandidateResult;
import org.smolny.council.election.ElectionId;
import org.smolny.council.election.ElectionKind;
import org.smolny.council.emergency.PowersId;
import org.smolny.council.expulsion.ChargeId;
import org.smolny.council.initiative.InitiativeId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MandateSource;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.meeting.ConveningId;
import org.smolny.council.member.Commitment;
import org.smolny.council.member.MemberId;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.register.PaymentId;
import org.smolny.council.register.PaymentKind;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Every event of the council, one record per type, all listed here. The type names
 * ({@code noun.past-tense-verb}) are in {@link EventTypes}. Events hold pseudonymous ids and commitments, never
 * personal data. Each record checks itself: an event that breaks its own invariants cannot exist.
 */
public sealed interface CouncilEvent {

    /** The unit the act concerns (the envelope's {@code unit}), or null for the organisation as a whole. */
    default UnitId unit() {
        return null;
    }

    /**
     * The extension point for the events of congresses and motions ({@code org.smolny.council.congress}): they are
     * council events too, listed in their own sealed interface and registered in {@link EventTypes}.
     */
    non-sealed interface OfCongress extends CouncilEvent {
    }

    // ---- statutes ----

    /** The organisation adopted its first statutes. */
    record StatutesAdopted(int version, String sha256, String text) implements CouncilEvent {
        public StatutesAdopted {
            if (version < 1) {
                throw new IllegalArgumentException("statutes versions count from 1");
            }
            Checks.digest(sha256, "the statutes digest");
            Checks.need(text, "the statutes text");
        }
    }

    /** The congress amended the statutes; {@code text} is the new version in full. */
    record StatutesAmended(int version, String sha256, String text, org.smolny.council.congress.CongressVoteRef congressVote) implements CouncilEvent {
        public StatutesAmended {
            if (version < 2) {
                throw new IllegalArgumentException("an amendment makes version 2 or later");
            }
            Checks.digest(sha256, "the statutes digest");
            Checks.need(text, "the statutes text");
            Checks.need(congressVote, "the congress vote");
        }
    }

    // ---- units ----

    /** A unit was founded in the tree (under {@code parent}, or as the root). */
    record UnitFounded(UnitId unit, String unitType, UnitId parent, String name) implements CouncilEvent {
        public UnitFounded {
            Checks.need(unit, "the unit");
            Checks.text(unitType, "the unit type", 64);
            Checks.text(name, "the unit's name", 200);
        }
    }

    // ---- members ----

    /** A unit admitted a member; they vote, sign and stand from {@code votingFrom}, after probation. */
    record MemberAdmitted(MemberId member, UnitId unit, Commitment commitment, VoteTally unitVote, Instant votingFrom)
            implements CouncilEvent {
        public MemberAdmitted {
            Checks.need(member, "the member");
            Checks.need(unit, "the unit");
            Checks.need(commitment, "the commitment to the member's personal data");
            Checks.need(unitVote, "the unit's vote");
            Checks.need(votingFrom, "the end of probation");
        }
    }

    /** A member moved to another unit, by that unit's decision; membership and seniority continue. */
    record MemberTransferred(MemberId member, UnitId from, UnitId unit, VoteTally unitVote) implements CouncilEvent {
        public MemberTransferred {
            Checks.need(member, "the member");
            Checks.need(from, "the unit left");
            Checks.need(unit, "the receiving unit");
            Checks.need(unitVote, "the receiving unit's vote");
        }
    }

    /** A member resigned. */
    record MemberResigned(MemberId member, UnitId unit) implements CouncilEvent {
        public MemberResigned {
            Checks.need(member, "the member");
            Checks.need(unit, "the unit");
        }
    }

    /** A membership lapsed (for example, dues unpaid), as recorded by the member's unit. */
    record MemberLapsed(MemberId member, UnitId unit, String reason) implements CouncilEvent {
        public MemberLapsed {
            Checks.need(member, "the member");
            Checks.need(unit, "the unit");
            Checks.text(reason, "the reason", 500);
        }
    }

    /** A member was expelled by their own unit's vote on a charge; they may appeal until {@code appealUntil}. */
    record MemberExpelled(MemberId member, UnitId unit, ChargeId charge, Instant appealUntil) implements CouncilEvent {
        public MemberExpelled {
            Checks.need(member, "the member");
            Checks.need(unit, "the unit");
            Checks.need(charge, "the charge");
            Checks.need(appealUntil, "the end of the appeal window");
        }
    }

    /** The congress upheld an expelled member's appeal: they are members again, with their seniority. */
    record MemberReinstated(MemberId member, UnitId unit, ChargeId charge) implements CouncilEvent {
        public MemberReinstated {
            Checks.need(member, "the member");
            Checks.need(unit, "the unit");
            Checks.need(charge, "the charge");
        }
    }

    // ---- expulsion: due process ----

    /** A written charge was brought against a member in their own unit. The charge document is referenced by its hash. */
    record ChargeBrought(ChargeId charge, MemberId member, UnitId unit, MemberId accuser, String documentSha256, String clause)
            implements CouncilEvent {
        public ChargeBrought {
            Checks.need(charge, "the charge");
            Checks.need(member, "the member charged");
            Checks.need(unit, "the unit");
            Checks.need(accuser, "the accuser");
            Checks.digest(documentSha256, "the written charge's digest");
            Checks.text(clause, "the clause of the statutes said to be broken", 200);
        }
    }

    /** The member was given written notice of the charge and of the hearing's date. */
    record ChargeNotified(ChargeId charge, UnitId unit, Instant hearingAt) implements CouncilEvent {
        public ChargeNotified {
            Checks.need(charge, "the charge");
            Checks.need(unit, "the unit");
            Checks.need(hearingAt, "the hearing's date");
        }
    }

    /** The unit heard the charge and the member's answer. */
    record ChargeHeard(ChargeId charge, UnitId unit) implements CouncilEvent {
        public ChargeHeard {
            Checks.need(charge, "the charge");
            Checks.need(unit, "the unit");
        }
    }

    /** The member's own unit voted on the charge: expelled, or the charge dismissed. */
    record ChargeDecided(ChargeId charge, UnitId unit, VoteTally unitVote, boolean expelled) implements CouncilEvent {
        public ChargeDecided {
            Checks.need(charge, "the charge");
            Checks.need(unit, "the unit");
            Checks.need(unitVote, "the unit's vote");
        }
    }

    /** The expelled member appealed to the congress within the statutory window. */
    record AppealLodged(ChargeId charge, UnitId unit) implements CouncilEvent {
        public AppealLodged {
            Checks.need(charge, "the charge");
            Checks.need(unit, "the unit");
        }
    }

    /** The congress decided the appeal: the member reinstated, or the expulsion confirmed. */
    record AppealDecided(ChargeId charge, UnitId unit, org.smolny.council.congress.CongressVoteRef congressVote, boolean reinstated) implements CouncilEvent {
        public AppealDecided {
            Checks.need(charge, "the charge");
            Checks.need(unit, "the unit");
            Checks.need(congressVote, "the congress vote");
        }
    }

    // ---- elections and mandates ----

    /** An election was scheduled for {@code seats} seats of a post, to be held by {@code holdBy}. */
    record ElectionScheduled(ElectionId election, String post, UnitId unit, int seats, ElectionKind kind, Instant holdBy)
            implements CouncilEvent {
        public ElectionScheduled {
            Checks.need(election, "the election");
            Checks.text(post, "the post", 64);
            Checks.need(unit, "the unit");
            Checks.need(kind, "the kind of election");
            Checks.need(holdBy, "the date to hold it by");
            if (seats < 1) {
                throw new IllegalArgumentException("an election fills at least one seat");
            }
        }
    }

    /**
     * An open (named) plurality election was held: every count, who was elected, and the named ballots: inline in
     * {@code ballots} when {@code ballotParts} is 0, otherwise in that many {@link NamedBallotsRecorded} entries that
     * follow. {@code ballotCount} and {@code ballotsDigest} ({@code NamedBallots.digest}) are checked against the
     * ballots either way.
     */
    record ElectionHeld(ElectionId election, UnitId unit, List<Ballot> ballots, List<CandidateResult> results,
                        List<MemberId> elected, int ballotCount, int ballotParts, String ballotsDigest) implements CouncilEvent {
        public ElectionHeld {
            Checks.need(election, "the election");
            Checks.need(unit, "the unit");
            ballots = List.copyOf(Checks.need(ballots, "the ballots"));
            results = List.copyOf(Checks.need(results, "the results"));
            elected = List.copyOf(Checks.need(elected, "the elected"));
            Checks.digest(ballotsDigest, "the digest of the ballots");
            if (ballotParts < 0 || ballotCount < 0) {
                throw new IllegalArgumentException("the number of ballots and of their parts cannot be negative");
            }
            if (ballotParts == 0 && (ballotCount != ballots.size()
                    || !ballotsDigest.equals(org.smolny.council.election.NamedBallots.digest(ballots)))) {
                throw new IllegalArgumentException("the ballots recorded inline do not match their count and digest");
            }
            if (ballotParts > 0 && (!ballots.isEmpty() || ballotCount < ballotParts)) {
                throw new IllegalArgumentException("ballots recorded in parts are not also inline, and each part holds at least one");
            }
        }

        /** An election with its (few) ballots inline. */
        public ElectionHeld(ElectionId election, UnitId unit, List<Ballot> ballots, List<CandidateResult> results,
                            List<MemberId> elected) {
            this(election, unit, ballots, results, elected, ballots.size(), 0,
                    org.smolny.council.election.NamedBallots.digest(ballots));
        }
    }

    /** Part {@code part} (from 1) of the named ballots of an open election, in the order cast; see {@link ElectionHeld}. */
    record NamedBallotsRecorded(ElectionId election, UnitId unit, int part, List<Ballot> ballots) implements CouncilEvent {
        public NamedBallotsRecorded {
            Checks.need(election, "the election");
            Checks.need(unit, "the unit");
            ballots = List.copyOf(Checks.need(ballots, "the ballots"));
            if (part < 1 || ballots.isEmpty()) {
                throw new IllegalArgumentException("a part of the ballots is numbered from 1 and holds at least one ballot");
            }
        }
    }

    /** A mandate began: a post's seat held by {@code holder}, until {@code endsAt} (null: no term, for appointed posts). */
    record MandateConferred(MandateId mandate, String post, UnitId unit, MemberId holder, MandateSource source,
                            ElectionId election, Instant endsAt) implements CouncilEvent {
        public MandateConferred {
            Checks.need(mandate, "the mandate");
            Checks.text(post, "the post", 64);
            Checks.need(unit, "the unit");
            Checks.need(holder, "the holder");
            Checks.need(source, "how the mandate was conferred");
            if ((source == MandateSource.ELECTED) != (election != null)) {
                throw new IllegalArgumentException("an elected mandate names its election; an appointed one names none");
            }
            if (source == MandateSource.ELECTED && endsAt == null) {
                throw new IllegalArgumentException("an elected mandate has a term");
            }
        }
    }

    /** A mandate's term ended. */
    record MandateExpired(MandateId mandate, UnitId unit) implements CouncilEvent {
        public MandateExpired {
            Checks.need(mandate, "the mandate");
            Checks.need(unit, "the unit");
        }
    }

    /** The electors recalled the holder of a mandate. No body can veto this. */
    record MandateRecalled(MandateId mandate, UnitId unit, PetitionId petition) implements CouncilEvent {
        public MandateRecalled {
            Checks.need(mandate, "the mandate");
            Checks.need(unit, "the unit");
            Checks.need(petition, "the recall petition");
        }
    }

    /** The holder gave up the mandate (resigned the post, or left the organisation). */
    record MandateRelinquished(MandateId mandate, UnitId unit, String reason) implements CouncilEvent {
        public MandateRelinquished {
            Checks.need(mandate, "the mandate");
            Checks.need(unit, "the unit");
            Checks.text(reason, "the reason", 500);
        }
    }

    /** A unit instructed its delegate how to vote on a motion (a binding mandate). */
    record InstructionGiven(MandateId mandate, UnitId unit, MotionId motion, Position position, VoteTally unitVote)
            implements CouncilEvent {
        public InstructionGiven {
            Checks.need(mandate, "the delegate's mandate");
            Checks.need(unit, "the unit");
            Checks.need(motion, "the motion");
            Checks.need(position, "the instruction");
            Checks.need(unitVote, "the unit's vote");
        }
    }

    /** A delegate's actual vote on a motion, compared with their unit's instruction (null when none was given). */
    record DelegateVoteRecorded(MandateId mandate, UnitId unit, MotionId motion, Position position, Position instructed)
            implements CouncilEvent {
        public DelegateVoteRecorded {
            Checks.need(mandate, "the delegate's mandate");
            Checks.need(unit, "the unit");
            Checks.need(motion, "the motion");
            Checks.need(position, "the vote");
        }

        /** Whether the vote followed the instruction; null when there was no instruction. */
        public Boolean followedInstruction() {
            return instructed == null ? null : instructed == position;
        }
    }

    // ---- recall ----

    /** An elector opened a recall petition (their signature is the first); the electorate is counted now. */
    record RecallPetitionOpened(PetitionId petition, MandateId mandate, UnitId unit, MemberId opener, int electorateSize,
                                int signaturesNeeded, Instant closesAt) implements CouncilEvent {
        public RecallPetitionOpened {
            Checks.need(petition, "the petition");
            Checks.need(mandate, "the mandate");
            Checks.need(unit, "the unit");
            Checks.need(opener, "the opener");
            Checks.need(closesAt, "the closing date");
            if (electorateSize < 1 || signaturesNeeded < 1 || signaturesNeeded > electorateSize) {
                throw new IllegalArgumentException("a recall petition needs between 1 and the electorate's size of signatures");
            }
        }
    }

    /** An elector signed a recall petition. */
    record RecallPetitionSigned(PetitionId petition, UnitId unit, MemberId signer) implements CouncilEvent {
        public RecallPetitionSigned {
            Checks.need(petition, "the petition");
            Checks.need(unit, "the unit");
            Checks.need(signer, "the signer");
        }
    }

    /** A recall petition reached the statutory threshold. */
    record RecallPetitionSucceeded(PetitionId petition, UnitId unit, int signatures) implements CouncilEvent {
        public RecallPetitionSucceeded {
            Checks.need(petition, "the petition");
            Checks.need(unit, "the unit");
        }
    }

    /** A recall petition closed without reaching the threshold (its time ran out, or the mandate ended otherwise). */
    record RecallPetitionLapsed(PetitionId petition, UnitId unit, int signatures) implements CouncilEvent {
        public RecallPetitionLapsed {
            Checks.need(petition, "the petition");
            Checks.need(unit, "the unit");
        }
    }

    /** Under the recall-vote procedure: the electorate's vote on the recall opened; it closes at {@code closesAt}. */
    record RecallVoteOpened(PetitionId petition, UnitId unit, Instant closesAt) implements CouncilEvent {
        public RecallVoteOpened {
            Checks.need(petition, "the petition");
            Checks.need(unit, "the unit");
            Checks.need(closesAt, "the recall vote's deadline");
        }
    }

    /** An elector cast their (named) vote on a recall: for the recall, against it, or abstaining. */
    record RecallVoteCast(PetitionId petition, UnitId unit, MemberId voter, Position position) implements CouncilEvent {
        public RecallVoteCast {
            Checks.need(petition, "the petition");
            Checks.need(unit, "the unit");
            Checks.need(voter, "the voter");
            Checks.need(position, "the position");
        }
    }

    /** The electorate voted on a recall. */
    record RecallVoteDecided(PetitionId petition, UnitId unit, VoteTally electorateVote, boolean recalled)
            implements CouncilEvent {
        public RecallVoteDecided {
            Checks.need(petition, "the petition");
            Checks.need(unit, "the unit");
            Checks.need(electorateVote, "the electorate's vote");
        }
    }

    // ---- pay and benefits register ----

    /** The members' median monthly wage, in minor units of {@code currency}, from which the pay cap is computed. */
    record MedianWageDeclared(long monthlyMinor, String currency, String source) implements CouncilEvent {
        public MedianWageDeclared {
            if (monthlyMinor < 1) {
                throw new IllegalArgumentException("a median wage is above zero");
            }
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("a currency is a three-letter ISO 4217 code, got '" + currency + "'");
            }
            Checks.text(source, "the source of the figure", 500);
        }
    }

    /** A payment to an official, on the public register, with their month's total and the cap at the time. */
    record PaymentRecorded(PaymentId payment, MemberId official, UnitId unit, MandateId mandate, String month,
                           PaymentKind kind, String description, long amountMinor, String currency, long monthTotalMinor,
                           long capMinor, org.smolny.council.congress.CongressVoteRef congressVote) implements CouncilEvent {
        public PaymentRecorded {
            Checks.need(payment, "the payment");
            Checks.need(official, "the official");
            Checks.need(unit, "the unit");
            Checks.need(mandate, "the official's mandate");
            Checks.need(kind, "the kind of payment");
            Checks.text(description, "the description", 500);
            try {
                YearMonth.parse(Checks.need(month, "the month"));
            } catch (java.time.format.DateTimeParseException notMonth) {
                throw new IllegalArgumentException("the month must be written YYYY-MM, got '" + month + "'");
            }
            if (amountMinor < 1 || monthTotalMinor < amountMinor || capMinor < 0) {
                throw new IllegalArgumentException("a payment is above zero and within its month's total");
            }
            if (monthTotalMinor > capMinor && congressVote == null) {
                throw new IllegalArgumentException("a payment above the cap needs a congress vote");
            }
        }
    }

    // ---- emergency powers ----

    /** A body granted emergency powers to the holder of a mandate, until {@code expiresAt} unless ratified. */
    record EmergencyPowersGranted(PowersId powers, UnitId unit, String body, MandateId holder, String scope,
                                  Instant expiresAt, VoteTally bodyVote) implements CouncilEvent {
        public EmergencyPowersGranted {
            Checks.need(powers, "the powers");
            Checks.need(unit, "the unit");
            Checks.text(body, "the granting body", 64);
            Checks.need(holder, "the mandate holding the powers");
            Checks.text(scope, "the scope of the powers", 2000);
            Checks.need(expiresAt, "the expiry");
            Checks.need(bodyVote, "the body's vote");
        }
    }

    /** The congress ratified emergency powers, until {@code expiresAt}. */
    record EmergencyPowersRatified(PowersId powers, UnitId unit, Instant expiresAt,
                                   org.smolny.council.congress.CongressVoteRef congressVote)
            implements CouncilEvent {
        public EmergencyPowersRatified {
            Checks.need(powers, "the powers");
            Checks.need(unit, "the unit");
            Checks.need(expiresAt, "the expiry");
            Checks.need(congressVote, "the congress vote");
        }
    }

    /** Emergency powers expired: their time ran out without ratification. */
    record EmergencyPowersExpired(PowersId powers, UnitId unit) implements CouncilEvent {
        public EmergencyPowersExpired {
            Checks.need(powers, "the powers");
            Checks.need(unit, "the unit");
        }
    }

    // ---- meetings ----

    /** A body met; {@code convening} names the petition that convened it, or is null when its officers did. */
    record MeetingHeld(String body, UnitId unit, ConveningId convening) implements CouncilEvent {
        public MeetingHeld {
            Checks.text(body, "the body", 64);
            Checks.need(unit, "the unit");
        }
    }

    /** A body did not meet by its statutory date. */
    record MeetingFlaggedOverdue(String body, UnitId unit, Instant dueAt) implements CouncilEvent {
        public MeetingFlaggedOverdue {
            Checks.text(body, "the body", 64);
            Checks.need(unit, "the unit");
            Checks.need(dueAt, "the due date");
        }
    }

    /** A member opened a petition to convene a body (their signature is the first). */
    record ConveningPetitionOpened(ConveningId petition, String body, UnitId unit, MemberId opener, int electorateSize,
                                   int signaturesNeeded) implements CouncilEvent {
        public ConveningPetitionOpened {
            Checks.need(petition, "the petition");
            Checks.text(body, "the body", 64);
            Checks.need(unit, "the unit");
            Checks.need(opener, "the opener");
            if (electorateSize < 1 || signaturesNeeded < 1 || signaturesNeeded > electorateSize) {
                throw new IllegalArgumentException("a convening petition needs between 1 and the electorate's size of signatures");
            }
        }
    }

    /** A member signed a petition to convene a body. */
    record ConveningPetitionSigned(ConveningId petition, UnitId unit, MemberId signer) implements CouncilEvent {
        public ConveningPetitionSigned {
            Checks.need(petition, "the petition");
            Checks.need(unit, "the unit");
            Checks.need(signer, "the signer");
        }
    }

    /** The petition reached the threshold: the body is convened, to meet by {@code meetBy}, without the leadership. */
    record MeetingConvened(ConveningId petition, String body, UnitId unit, Instant meetBy) implements CouncilEvent {
        public MeetingConvened {
            Checks.need(petition, "the petition");
            Checks.text(body, "the body", 64);
            Checks.need(unit, "the unit");
            Checks.need(meetBy, "the date to meet by");
        }
    }

    // ---- member initiative ----

    /** A member opened an initiative: a motion to put on a body's agenda (their support is the first). */
    record InitiativeOpened(InitiativeId initiative, String body, UnitId unit, MotionId motion, MemberId opener,
                            String title, String textSha256, int electorateSize, int supportNeeded, Instant closesAt)
            implements CouncilEvent {
        public InitiativeOpened {
            Checks.need(initiative, "the initiative");
            Checks.text(body, "the body", 64);
            Checks.need(unit, "the unit");
            Checks.need(motion, "the motion");
            Checks.need(opener, "the opener");
            Checks.text(title, "the motion's title", 300);
            Checks.digest(textSha256, "the motion text's digest");
            Checks.need(closesAt, "the closing date");
            if (electorateSize < 1 || supportNeeded < 1 || supportNeeded > electorateSize) {
                throw new IllegalArgumentException("an initiative needs between 1 and the electorate's size of supporters");
            }
        }
    }

    /** A member supported an initiative. */
    record InitiativeSupported(InitiativeId initiative, UnitId unit, MemberId supporter) implements CouncilEvent {
        public InitiativeSupported {
            Checks.need(initiative, "the initiative");
            Checks.need(unit, "the unit");
            Checks.need(supporter, "the supporter");
        }
    }

    /** The initiative reached the threshold: its motion is on the body's agenda. */
    record InitiativeTabled(InitiativeId initiative, String body, UnitId unit, MotionId motion, int supporters)
            implements CouncilEvent {
        public InitiativeTabled {
            Checks.need(initiative, "the initiative");
            Checks.text(body, "the body", 64);
            Checks.need(unit, "the unit");
            Checks.need(motion, "the motion");
        }
    }

    /** The initiative's time ran out below the threshold. */
    record InitiativeLapsed(InitiativeId initiative, UnitId unit, int supporters) implements CouncilEvent {
        public InitiativeLapsed {
            Checks.need(initiative, "the initiative");
            Checks.need(unit, "the unit");
        }
    }
}
