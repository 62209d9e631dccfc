package org.smolny.council.command;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.emergency.EmergencyCommand;
import org.smolny.council.expulsion.ExpulsionCommand;
import org.smolny.council.initiative.InitiativeCommand;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.meeting.MeetingCommand;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.register.RegisterCommand;
import org.smolny.council.scenario.FullHistory;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.unit.UnitCommand;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a reason, never an exception: every command with its fields missing is refused and changes nothing. */
class IncompleteCommandTest {

    private static final List<Class<?>> COMMAND_FAMILIES = List.of(StatutesCommand.class, UnitCommand.class, MemberCommand.class,
            ExpulsionCommand.class, ElectionCommand.class, MandateCommand.class, RecallCommand.class, RegisterCommand.class,
            EmergencyCommand.class, MeetingCommand.class, InitiativeCommand.class);

    private static List<Command> emptyCommands() throws ReflectiveOperationException {
        List<Command> commands = new ArrayList<>();
        for (Class<?> family : COMMAND_FAMILIES) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                Object[] values = new Object[components.length];
                for (int index = 0; index < components.length; index++) {
                    types[index] = components[index].getType();
                    values[index] = zero(types[index]);
                }
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                commands.add((Command) constructor.newInstance(values));
            }
        }
        return commands;
    }

    private static Object zero(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    @Test
    void every_command_with_its_fields_missing_is_refused_with_a_reason() throws ReflectiveOperationException {
        TestOrganisation history = FullHistory.play();
        Council council = history.council;
        MemberId someone = history.council.state().members().all().iterator().next().member();
        long entries = council.state().entryCount();
        List<Command> commands = emptyCommands();
        assertThat(commands).hasSizeGreaterThan(30);
        for (Command command : commands) {
            for (MemberId by : new MemberId[] {null, someone}) {
                Outcome outcome = council.decide(command, by, history.clock.instant());
                assertThat(outcome).as(command.toString()).isInstanceOfSatisfying(Outcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isNotBlank());
            }
        }
        assertThat(council.state().entryCount()).isEqualTo(entries);
    }

    @Test
    void a_ballot_list_with_a_gap_is_refused_with_a_reason() {
        TestOrganisation union = TestOrganisation.nationalUnion();
        union.admit(union.docks, 3);
        union.passProbation();
        org.smolny.council.election.ElectionId election = org.smolny.council.election.ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(election, "branch-secretary", union.docks, 1,
                union.clock.instant().plus(java.time.Duration.ofDays(7))), null);

        String reason = union.reject(new ElectionCommand.HoldOpenElection(election,
                java.util.Arrays.asList((org.smolny.council.election.Ballot) null)), null);

        assertThat(reason).isEqualTo("the command is incomplete: a value it needs is missing");
    }
}
