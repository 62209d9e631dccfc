package org.smolny.council.scenario;

import org.smolny.council.emergency.EmergencyCommand;
import org.smolny.council.emergency.PowersId;
import org.smolny.council.expulsion.ChargeId;
import org.smolny.council.expulsion.ExpulsionCommand;
import org.smolny.council.initiative.InitiativeCommand;
import org.smolny.council.initiative.InitiativeId;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.meeting.ConveningId;
import org.smolny.council.meeting.MeetingCommand;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.register.PaymentId;
import org.smolny.council.register.PaymentKind;
import org.smolny.council.register.RegisterCommand;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;

import java.time.Instant;
import java.util.List;

import static org.smolny.council.scenario.TestOrganisation.unanimous;

/**
 * A year and a half in the life of the national union that produces every kind of council event: admissions,
 * transfer, resignation, lapse, an expulsion reversed on appeal, elections, an appointment, binding instructions,
 * payments, emergency powers, meetings and petitions, initiatives, recalls by both procedures, an amendment of the
 * statutes and expiring terms.
 */
public final class FullHistory {

    private static final String DIGEST = "5f0c2a1e9d3b47c68a1f2e3d4c5b6a79880706f5e4d3c2b1a09f8e7d6c5b4a39";

    private FullHistory() {
    }

    public static TestOrganisation play() {
        TestOrganisation union = TestOrganisation.nationalUnion();
        List<MemberId> docks = union.admit(union.docks, 72);
        List<MemberId> depot = union.admit(union.depot, 4);
        List<MemberId> harbour = union.admit(union.harbour, 4);
        UnitId mill = union.found("branch", union.south, "Mill");
        List<MemberId> millers = union.admit(mill, 330);
        union.passProbation();

        MandateId congressDelegate = union.elect("congress-delegate", union.docks, docks.get(0), docks);
        MandateId secretary = union.elect("branch-secretary", union.docks, docks.get(1), docks);
        MandateId branchDelegate = union.elect("branch-delegate", union.docks, docks.get(2), docks.subList(0, 30));
        union.elect("branch-secretary", mill, millers.get(0), millers);
        MandateId generalSecretary = union.elect("general-secretary", union.national, docks.get(0), List.of(docks.get(0)));
        MandateId organiser = MandateId.generate(union.clock.instant());
        union.accept(new MandateCommand.AppointToPost(organiser, "regional-organiser", union.north, depot.get(0)), null);

        union.accept(new MemberCommand.TransferMember(depot.get(3), union.harbour, unanimous(5)), null);
        union.accept(new MemberCommand.Resign(harbour.get(0)), harbour.get(0));
        union.accept(new MemberCommand.RecordLapse(harbour.get(1), "dues unpaid for six months"), null);

        MotionId motion = MotionId.generate(union.clock.instant());
        union.accept(new MandateCommand.InstructDelegate(congressDelegate, union.docks, motion, Position.AGAINST, unanimous(40)), null);
        union.accept(new MandateCommand.RecordDelegateVote(congressDelegate, motion, Position.FOR), docks.get(0));

        union.accept(new RegisterCommand.DeclareMedianWage(280_000, "EUR", "2026 wage survey of members"), null);
        union.accept(new RegisterCommand.RecordPayment(PaymentId.generate(union.clock.instant()), docks.get(1), secretary, "2026-07",
                PaymentKind.PAY, "salary", 280_000, "EUR", null), null);
        PaymentId allowance = PaymentId.generate(union.clock.instant());
        union.accept(new RegisterCommand.RecordPayment(allowance, docks.get(1), secretary, "2026-07",
                PaymentKind.BENEFIT, "travel allowance during the strike", 200_000, "EUR",
                union.congressCarries(DecisionType.PAY_ABOVE_CAP, "Pay the travel allowance " + allowance + " above the cap")), null);

        PowersId powers = PowersId.generate(union.clock.instant());
        union.accept(new EmergencyCommand.GrantEmergencyPowers(powers, union.national, "national-executive", generalSecretary,
                "settle the national strike", 30, unanimous(9)), null);
        union.accept(new EmergencyCommand.RatifyEmergencyPowers(powers, 30,
                union.congressCarries(DecisionType.EMERGENCY_RATIFICATION, "Ratify the emergency powers " + powers)), null);

        union.accept(new MeetingCommand.HoldMeeting("branch-meeting", union.docks), null);
        ConveningId convening = ConveningId.generate(union.clock.instant());
        union.accept(new MeetingCommand.OpenConveningPetition(convening, "branch-meeting", union.docks), docks.get(3));
        for (MemberId signer : docks.subList(4, 11)) {
            union.accept(new MeetingCommand.SignConveningPetition(convening), signer);
        }
        union.accept(new MeetingCommand.HoldMeeting("branch-meeting", union.docks), docks.get(3));

        InitiativeId tabled = InitiativeId.generate(union.clock.instant());
        union.accept(new InitiativeCommand.OpenInitiative(tabled, "branch-meeting", union.docks, MotionId.generate(union.clock.instant()),
                "Elect shop stewards in every depot", DIGEST), docks.get(10));
        union.accept(new InitiativeCommand.SupportInitiative(tabled), docks.get(11));
        InitiativeId lapsing = InitiativeId.generate(union.clock.instant());
        union.accept(new InitiativeCommand.OpenInitiative(lapsing, "branch-meeting", union.docks, MotionId.generate(union.clock.instant()),
                "Affiliate to the federation", DIGEST), docks.get(12));

        ChargeId charge = ChargeId.generate(union.clock.instant());
        union.accept(new ExpulsionCommand.BringCharge(charge, docks.get(5), union.docks, DIGEST, "rule 14.2"), docks.get(6));
        union.accept(new ExpulsionCommand.NotifyCharge(charge, union.clock.instant().plus(java.time.Duration.ofDays(14))), null);
        union.passDays(14);
        union.accept(new ExpulsionCommand.HearCharge(charge), null);
        union.accept(new ExpulsionCommand.VoteOnCharge(charge, union.docks, new VoteTally(72, 50, 40, 10, 0)), null);
        union.accept(new ExpulsionCommand.Appeal(charge), docks.get(5));
        union.accept(new ExpulsionCommand.DecideAppeal(charge,
                union.congressCarries(DecisionType.EXPULSION_APPEAL, "Uphold the appeal on charge " + charge)), null);

        PetitionId recall = PetitionId.generate(union.clock.instant());
        union.accept(new RecallCommand.OpenRecallPetition(recall, secretary), docks.get(20));
        for (MemberId signer : docks.subList(21, 38)) {
            union.accept(new RecallCommand.SignRecallPetition(recall), signer);
        }
        PetitionId lapsingRecall = PetitionId.generate(union.clock.instant());
        union.accept(new RecallCommand.OpenRecallPetition(lapsingRecall, branchDelegate), docks.get(40));
        union.accept(new RecallCommand.SignRecallPetition(lapsingRecall), docks.get(41));

        union.passDays(31);
        union.tick();
        union.passDays(60);
        union.tick();

        String version2 = TestOrganisation.read(TestOrganisation.NATIONAL_UNION).replace("version = 1", "version = 2")
                .replace("procedure = \"mandate-ends\"", "procedure = \"recall-vote\"");
        String version2Digest = ((org.smolny.council.statutes.StatutesCheck.Valid) org.smolny.council.statutes.StatutesReader
                .read(version2)).statutes().sha256();
        union.accept(new StatutesCommand.AmendStatutes(version2,
                union.congressCarries(DecisionType.STATUTES_AMENDMENT, "Amend the statutes to version " + version2Digest)), null);
        PetitionId recallVote = PetitionId.generate(union.clock.instant());
        union.accept(new RecallCommand.OpenRecallPetition(recallVote, generalSecretary), docks.get(0));
        union.accept(new RecallCommand.CastRecallVote(recallVote, Position.FOR), docks.get(0));
        union.passDays(21);
        union.tick();

        union.accept(new MandateCommand.RelinquishMandate(organiser, "took a job outside the union"), depot.get(0));
        union.passDays(400);
        union.tick();
        return union;
    }

    /** The first instant of the history. */
    public static Instant start() {
        return Instant.parse("2026-01-05T09:00:00Z");
    }
}
