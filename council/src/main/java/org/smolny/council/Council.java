package org.smolny.council;

import org.smolny.council.command.Command;
import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Tick;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressDesk;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionDesk;
import org.smolny.council.emergency.EmergencyCommand;
import org.smolny.council.emergency.EmergencyDesk;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.OrgId;
import org.smolny.council.expulsion.ExpulsionCommand;
import org.smolny.council.expulsion.ExpulsionDesk;
import org.smolny.council.initiative.InitiativeCommand;
import org.smolny.council.initiative.InitiativeDesk;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateDesk;
import org.smolny.council.meeting.MeetingCommand;
import org.smolny.council.meeting.MeetingDesk;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberDesk;
import org.smolny.council.member.MemberId;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.recall.RecallDesk;
import org.smolny.council.register.RegisterCommand;
import org.smolny.council.register.RegisterDesk;
import org.smolny.council.secret.SecretBallotCommand;
import org.smolny.council.secret.SecretBallotDesk;
import org.smolny.council.statutes.Statutes;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.StatutesDesk;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitDesk;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One organisation's council: decides commands against the statutes and the state, and applies the entries that
 * the record accepted. {@link #decide} is pure (no state change, no I/O); the shell appends the {@link #entries} to
 * the record in its transaction and then {@link #apply}s them. {@link #execute} does all three, for tests and tools.
 * Not thread-safe: one writer (the record store's committing thread) owns it.
 */
public final class Council {

    private final OrgId org;
    private final CouncilState state;

    public Council(OrgId org) {
        this(org, new CouncilState());
    }

    private Council(OrgId org, CouncilState state) {
        if (org == null) {
            throw new IllegalArgumentException("a council belongs to an organisation");
        }
        this.org = org;
        this.state = state;
    }

    /** The council whose state the entries produce (a fold over the record). */
    public static Council rebuild(OrgId org, Iterable<Entry> entries) {
        Council council = new Council(org);
        for (Entry entry : entries) {
            council.apply(entry);
        }
        return council;
    }

    public OrgId org() {
        return org;
    }

    /** The state; read it, never change it outside {@link #apply}. */
    public CouncilState state() {
        return state;
    }

    /** Decides {@code command} by {@code by} (null for the system) at {@code now}; changes nothing. */
    public Outcome decide(Command command, MemberId by, Instant now) {
        if (command == null || now == null) {
            return Outcome.reject("no command given");
        }
        Statutes statutes = state.statutes().current().orElse(null);
        if (statutes == null && !(command instanceof StatutesCommand.AdoptStatutes)) {
            return Outcome.reject("the organisation has no statutes yet: adopt them first");
        }
        Context context = new Context(state, statutes, now, by);
        try {
            return switch (command) {
                case StatutesCommand statutesCommand -> StatutesDesk.decide(statutesCommand, context);
                case UnitCommand unitCommand -> UnitDesk.decide(unitCommand, context);
                case MemberCommand memberCommand -> MemberDesk.decide(memberCommand, context);
                case ExpulsionCommand expulsionCommand -> ExpulsionDesk.decide(expulsionCommand, context);
                case ElectionCommand electionCommand -> ElectionDesk.decide(electionCommand, context);
                case MandateCommand mandateCommand -> MandateDesk.decide(mandateCommand, context);
                case RecallCommand recallCommand -> RecallDesk.decide(recallCommand, context);
                case RegisterCommand registerCommand -> RegisterDesk.decide(registerCommand, context);
                case EmergencyCommand emergencyCommand -> EmergencyDesk.decide(emergencyCommand, context);
                case MeetingCommand meetingCommand -> MeetingDesk.decide(meetingCommand, context);
                case InitiativeCommand initiativeCommand -> InitiativeDesk.decide(initiativeCommand, context);
                case CongressCommand congressCommand -> CongressDesk.decide(congressCommand, context);
                case SecretBallotCommand secretCommand -> SecretBallotDesk.decide(secretCommand, context);
                case Tick tick -> tick(context);
                default -> Outcome.reject("unknown command " + command.getClass().getSimpleName());
            };
        } catch (IllegalArgumentException invalid) {
            return Outcome.reject(invalid.getMessage());
        } catch (NullPointerException incomplete) {
            return Outcome.reject("the command is incomplete: a value it needs is missing");
        }
    }

    private static Outcome tick(Context context) {
        List<CouncilEvent> events = new ArrayList<>();
        events.addAll(EmergencyDesk.expiries(context));
        events.addAll(MandateDesk.expiries(context));
        events.addAll(RecallDesk.lapses(context));
        events.addAll(RecallDesk.deadlines(context));
        events.addAll(InitiativeDesk.lapses(context));
        events.addAll(MeetingDesk.overdue(context));
        return Outcome.accept(events);
    }

    /** The record entries for an accepted outcome: one envelope per event, in order. */
    public List<Entry> entries(Outcome.Accepted accepted, MemberId by, Instant now) {
        List<Entry> entries = new ArrayList<>(accepted.events().size());
        for (CouncilEvent event : accepted.events()) {
            entries.add(Entry.of(org, now, by, event));
        }
        return entries;
    }

    /** Applies an entry the record accepted. */
    public void apply(Entry entry) {
        if (!entry.org().equals(org)) {
            throw new IllegalArgumentException("entry of organisation " + entry.org() + " applied to " + org);
        }
        state.apply(entry);
    }

    /** Decides, and if accepted applies, returning the outcome and the entries made (none when rejected). */
    public Execution execute(Command command, MemberId by, Instant now) {
        Outcome outcome = decide(command, by, now);
        if (!(outcome instanceof Outcome.Accepted accepted)) {
            return new Execution(outcome, List.of());
        }
        List<Entry> entries = entries(accepted, by, now);
        entries.forEach(this::apply);
        return new Execution(outcome, entries);
    }

    /** {@link #execute} at the clock's current instant. */
    public Execution execute(Command command, MemberId by, InstantSource clock) {
        return execute(command, by, clock.instant());
    }

    /**
     * What executing a command did.
     *
     * @param outcome accepted or rejected
     * @param entries the entries applied (empty when rejected)
     */
    public record Execution(Outcome outcome, List<Entry> entries) {
        public Execution {
            entries = List.copyOf(entries);
        }

        public boolean accepted() {
            return outcome instanceof Outcome.Accepted;
        }

        /** The rejection's reason, or null when accepted. */
        public String reason() {
            return outcome instanceof Outcome.Rejected rejected ? rejected.reason() : null;
        }
    }
}
