package org.smolny.web.council;

import org.smolny.council.command.Command;
import org.smolny.council.command.Tick;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.emergency.EmergencyCommand;
import org.smolny.council.expulsion.ChargeId;
import org.smolny.council.expulsion.Charge;
import org.smolny.council.expulsion.ExpulsionCommand;
import org.smolny.council.initiative.Initiative;
import org.smolny.council.initiative.InitiativeCommand;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.meeting.ConveningPetition;
import org.smolny.council.meeting.MeetingCommand;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.Membership;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.recall.RecallPetition;
import org.smolny.council.register.RegisterCommand;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every council command the HTTP API offers, listed in one place with who may send it and which unit it concerns.
 * Admission has its own endpoint (it carries personal data, which never reaches the record). Immutable; thread-safe.
 */
public final class CommandCatalog {

    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();

    public CommandCatalog() {
        List<CommandSpec> all = new ArrayList<>();
        all.add(spec("adopt-statutes", StatutesCommand.AdoptStatutes.class, "Adopt the organisation's first statutes (TOML text).",
                Authority.ADMINISTRATOR, none()));
        all.add(spec("amend-statutes", StatutesCommand.AmendStatutes.class, "Amend the statutes by a congress vote (the whole new text).",
                Authority.CONGRESS, none()));
        all.add(spec("found-unit", UnitCommand.FoundUnit.class, "Found a unit under a parent (or the top unit).",
                Authority.ADMINISTRATOR, none(), Set.of("unit"), Set.of("parent")));
        all.add(spec("transfer-member", MemberCommand.TransferMember.class, "Transfer a member to another unit, by that unit's vote.",
                Authority.OFFICER, (c, s) -> ((MemberCommand.TransferMember) c).toUnit()));
        all.add(spec("resign", MemberCommand.Resign.class, "Resign from the organisation (the member themself).",
                Authority.MEMBER, (c, s) -> memberUnit(s, ((MemberCommand.Resign) c).member())));
        all.add(spec("record-lapse", MemberCommand.RecordLapse.class, "Record that a membership lapsed, with the reason.",
                Authority.OFFICER, (c, s) -> memberUnit(s, ((MemberCommand.RecordLapse) c).member())));
        all.add(spec("bring-charge", ExpulsionCommand.BringCharge.class, "Bring a written charge against a member of one's own unit.",
                Authority.MEMBER, (c, s) -> ((ExpulsionCommand.BringCharge) c).unit(), Set.of("charge"), Set.of()));
        all.add(spec("notify-charge", ExpulsionCommand.NotifyCharge.class, "Give the member written notice of the charge and the hearing.",
                Authority.OFFICER, (c, s) -> chargeUnit(s, ((ExpulsionCommand.NotifyCharge) c).charge())));
        all.add(spec("hear-charge", ExpulsionCommand.HearCharge.class, "Record that the unit heard the charge and the member's answer.",
                Authority.OFFICER, (c, s) -> chargeUnit(s, ((ExpulsionCommand.HearCharge) c).charge())));
        all.add(spec("vote-on-charge", ExpulsionCommand.VoteOnCharge.class, "Record the unit's vote on a charge (only the member's own unit).",
                Authority.OFFICER, (c, s) -> ((ExpulsionCommand.VoteOnCharge) c).unit()));
        all.add(spec("appeal", ExpulsionCommand.Appeal.class, "Appeal an expulsion to the congress (the expelled member).",
                Authority.MEMBER, (c, s) -> chargeUnit(s, ((ExpulsionCommand.Appeal) c).charge())));
        all.add(spec("decide-appeal", ExpulsionCommand.DecideAppeal.class, "Record the congress's vote on an appeal.",
                Authority.CONGRESS, none()));
        all.add(spec("expel-directly", ExpulsionCommand.ExpelDirectly.class, "Expel a member without due process: always refused.",
                Authority.OFFICER, (c, s) -> ((ExpulsionCommand.ExpelDirectly) c).byUnit()));
        all.add(spec("schedule-election", ElectionCommand.ScheduleElection.class, "Schedule an election of an elective post's seats.",
                Authority.OFFICER, (c, s) -> ((ElectionCommand.ScheduleElection) c).unit(), Set.of("election"), Set.of()));
        all.add(spec("hold-open-election", ElectionCommand.HoldOpenElection.class, "Record an open election's named ballots; plurality fills the seats.",
                Authority.OFFICER, (c, s) -> s.elections().find(((ElectionCommand.HoldOpenElection) c).election())
                        .map(election -> election.unit()).orElse(null)));
        all.add(spec("appoint-to-post", MandateCommand.AppointToPost.class, "Appoint a member to a post; refused for elective posts.",
                Authority.OFFICER, (c, s) -> ((MandateCommand.AppointToPost) c).unit(), Set.of("mandate"), Set.of()));
        all.add(holder("relinquish-mandate", MandateCommand.RelinquishMandate.class, "The holder gives up their mandate.",
                c -> ((MandateCommand.RelinquishMandate) c).mandate()));
        all.add(spec("instruct-delegate", MandateCommand.InstructDelegate.class, "The unit instructs its delegate how to vote on a motion.",
                Authority.OFFICER, (c, s) -> ((MandateCommand.InstructDelegate) c).unit()));
        all.add(holder("record-delegate-vote", MandateCommand.RecordDelegateVote.class, "The delegate records their actual vote on a motion.",
                c -> ((MandateCommand.RecordDelegateVote) c).mandate()));
        all.add(spec("open-recall-petition", RecallCommand.OpenRecallPetition.class, "An elector opens a petition to recall a mandate's holder.",
                Authority.MEMBER, (c, s) -> mandateUnit(s, ((RecallCommand.OpenRecallPetition) c).mandate()), Set.of("petition"), Set.of()));
        all.add(spec("sign-recall-petition", RecallCommand.SignRecallPetition.class, "An elector signs a recall petition.",
                Authority.MEMBER, (c, s) -> recallUnit(s, ((RecallCommand.SignRecallPetition) c).petition())));
        all.add(spec("cast-recall-vote", RecallCommand.CastRecallVote.class, "An elector votes on a recall (for, against, abstain) before the vote's deadline.",
                Authority.MEMBER, (c, s) -> recallUnit(s, ((RecallCommand.CastRecallVote) c).petition())));
        all.add(spec("decide-recall-vote", RecallCommand.DecideRecallVote.class, "Record the electorate's vote on a recall.",
                Authority.OFFICER, (c, s) -> recallUnit(s, ((RecallCommand.DecideRecallVote) c).petition())));
        all.add(spec("veto-recall", RecallCommand.VetoRecall.class, "A body tries to veto a recall: always refused.",
                Authority.OFFICER, (c, s) -> ((RecallCommand.VetoRecall) c).byUnit()));
        all.add(spec("declare-median-wage", RegisterCommand.DeclareMedianWage.class, "Declare the members' median wage, from which the pay cap follows.",
                Authority.CONGRESS, none()));
        all.add(spec("record-payment", RegisterCommand.RecordPayment.class, "Record a payment to an official on the public register.",
                Authority.OFFICER, (c, s) -> mandateUnit(s, ((RegisterCommand.RecordPayment) c).mandate()), Set.of("payment"), Set.of("congressVote")));
        all.add(spec("grant-emergency-powers", EmergencyCommand.GrantEmergencyPowers.class, "A body grants emergency powers, for at most the statutory length.",
                Authority.OFFICER, (c, s) -> ((EmergencyCommand.GrantEmergencyPowers) c).unit(), Set.of("powers"), Set.of()));
        all.add(spec("ratify-emergency-powers", EmergencyCommand.RatifyEmergencyPowers.class, "The congress ratifies emergency powers in force.",
                Authority.CONGRESS, none()));
        all.add(spec("hold-meeting", MeetingCommand.HoldMeeting.class, "Record that a body met.",
                Authority.OFFICER, (c, s) -> ((MeetingCommand.HoldMeeting) c).unit()));
        all.add(spec("open-convening-petition", MeetingCommand.OpenConveningPetition.class, "A member opens a petition to convene a body.",
                Authority.MEMBER, (c, s) -> ((MeetingCommand.OpenConveningPetition) c).unit(), Set.of("petition"), Set.of()));
        all.add(spec("sign-convening-petition", MeetingCommand.SignConveningPetition.class, "A member signs a petition to convene a body.",
                Authority.MEMBER, (c, s) -> s.meetings().petition(((MeetingCommand.SignConveningPetition) c).petition())
                        .map(ConveningPetition::body).map(body -> body.unit()).orElse(null)));
        all.add(spec("open-initiative", InitiativeCommand.OpenInitiative.class, "A member proposes a motion for a body's agenda.",
                Authority.MEMBER, (c, s) -> ((InitiativeCommand.OpenInitiative) c).unit(), Set.of("initiative", "motion"), Set.of()));
        all.add(spec("support-initiative", InitiativeCommand.SupportInitiative.class, "A member supports an initiative.",
                Authority.MEMBER, (c, s) -> s.initiatives().find(((InitiativeCommand.SupportInitiative) c).initiative())
                        .map(Initiative::body).map(body -> body.unit()).orElse(null)));
        all.add(spec("tick", Tick.class, "Let time act: expiries, lapses and overdue meetings go on the record.",
                Authority.ADMINISTRATOR, none()));
        all.forEach(spec -> specs.put(spec.name(), spec));
    }

    /** Every command, in the order listed. */
    public List<CommandSpec> all() {
        return List.copyOf(specs.values());
    }

    public Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    private static CommandSpec spec(String name, Class<? extends Command> type, String summary, Authority authority,
                                    BiFunction<Command, CouncilState, UnitId> unit) {
        return spec(name, type, summary, authority, unit, Set.of(), Set.of());
    }

    private static CommandSpec spec(String name, Class<? extends Command> type, String summary, Authority authority,
                                    BiFunction<Command, CouncilState, UnitId> unit, Set<String> generated, Set<String> optional) {
        return new CommandSpec(name, type, summary, authority, unit, (c, s) -> null, generated, optional);
    }

    private static CommandSpec holder(String name, Class<? extends Command> type, String summary, Function<Command, MandateId> mandate) {
        return new CommandSpec(name, type, summary, Authority.HOLDER, (c, s) -> mandateUnit(s, mandate.apply(c)),
                (c, s) -> mandate.apply(c), Set.of(), Set.of());
    }

    private static BiFunction<Command, CouncilState, UnitId> none() {
        return (command, state) -> null;
    }

    static UnitId memberUnit(CouncilState state, MemberId member) {
        return state.members().find(member).map(Membership::unit).orElse(null);
    }

    static UnitId chargeUnit(CouncilState state, ChargeId charge) {
        return state.charges().find(charge).map(Charge::unit).orElse(null);
    }

    static UnitId mandateUnit(CouncilState state, MandateId mandate) {
        return state.mandates().find(mandate).map(Mandate::unit).orElse(null);
    }

    static UnitId recallUnit(CouncilState state, PetitionId petition) {
        return state.recallPetitions().find(petition).map(RecallPetition::unit).orElse(null);
    }
}
