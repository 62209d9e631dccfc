package org.smolny.council.mandate;

import org.smolny.council.command.Context;
import org.smolny.council.command.Rule;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.PostRule;
import org.smolny.council.unit.Unit;

import java.util.List;

/** Every rule on conferring mandates and on binding instructions, in one place (drills D5 and D10). */
public final class MandatePolicy {

    private MandatePolicy() {
    }

    /** An appointment: the post as the statutes define it, the unit. */
    public record Appointment(MandateCommand.AppointToPost command, PostRule post, Unit unit, Context context) {
    }

    /** An instruction to a delegate. */
    public record Instruction(MandateCommand.InstructDelegate command, Mandate.Active mandate, Context context) {
    }

    public static final Rule<Appointment> ELECTIVE_POSTS_ARE_NEVER_APPOINTED = Rule.of(
            "a post the statutes make elective is filled only by election",
            appointment -> appointment.post().elective()
                    ? "post '" + appointment.post().name() + "' is elective under the statutes (elected by '"
                    + appointment.post().electorate() + "' for " + appointment.post().termMonths()
                    + " months): an appointment is refused; schedule an election" : null);

    public static final Rule<Appointment> THE_POST_BELONGS_TO_THE_UNIT = Rule.of(
            "the post is one of the unit's posts",
            appointment -> appointment.post().unitType().equals(appointment.unit().type()) ? null
                    : "post '" + appointment.post().name() + "' belongs to units of type '" + appointment.post().unitType()
                    + "', not to '" + appointment.unit().name() + "' (a " + appointment.unit().type() + ")");

    public static final Rule<Appointment> A_SEAT_IS_FREE = Rule.of(
            "an appointment fills a free seat",
            appointment -> appointment.context().state().mandates().activeFor(appointment.post().name(), appointment.unit().id()).size()
                    < appointment.post().seats() ? null
                    : "all " + appointment.post().seats() + " seat(s) of '" + appointment.post().name() + "' are filled");

    public static final Rule<Appointment> APPOINTEES_ARE_MEMBERS = Rule.of(
            "only a current member can be appointed",
            appointment -> appointment.context().state().members().active(appointment.command().appointee()).isPresent() ? null
                    : "only a current member can be appointed");

    public static final Rule<Instruction> ONLY_ELECTED_DELEGATES_ARE_INSTRUCTED = Rule.of(
            "a unit instructs the delegates it elected",
            instruction -> instruction.mandate().source() == MandateSource.ELECTED ? null
                    : "an appointed post holder is not a delegate and is not instructed by electors");

    public static final Rule<Instruction> ONLY_THE_ELECTING_UNIT_INSTRUCTS = Rule.of(
            "only the unit whose electors hold the mandate instructs the delegate",
            instruction -> instruction.mandate().unit().equals(instruction.command().unit()) ? null
                    : "only the unit that elected this delegate, '" + instruction.context().state().units()
                    .find(instruction.mandate().unit()).map(Unit::name).orElse("?") + "', can instruct them");

    public static final Rule<Instruction> INSTRUCTIONS_COME_BEFORE_THE_VOTE = Rule.of(
            "an instruction is given before the delegate votes",
            instruction -> instruction.context().state().mandates().vote(instruction.mandate().id(), instruction.command().motion())
                    .isPresent() ? "the delegate has already voted on this motion" : null);

    public static final Rule<Instruction> THE_UNIT_DECIDED = Rule.of(
            "the instruction is the unit's decision, by the ordinary quorum and majority",
            instruction -> instruction.context().statutes().rule(DecisionType.ORDINARY).failure(instruction.command().unitVote())
                    .map(failure -> "the unit did not decide the instruction: " + failure).orElse(null));

    /** The rules for appointing, in the order checked. */
    public static final List<Rule<Appointment>> APPOINTING = List.of(THE_POST_BELONGS_TO_THE_UNIT,
            ELECTIVE_POSTS_ARE_NEVER_APPOINTED, A_SEAT_IS_FREE, APPOINTEES_ARE_MEMBERS);

    /** The rules for instructing a delegate, in the order checked. */
    public static final List<Rule<Instruction>> INSTRUCTING = List.of(ONLY_ELECTED_DELEGATES_ARE_INSTRUCTED,
            ONLY_THE_ELECTING_UNIT_INSTRUCTS, INSTRUCTIONS_COME_BEFORE_THE_VOTE, THE_UNIT_DECIDED);
}
