package org.smolny.council.meeting;

import org.smolny.council.command.Command;
import org.smolny.council.unit.UnitId;

/** Commands on meetings. */
public sealed interface MeetingCommand extends Command {

    /** {@code body} of {@code unit} met. */
    record HoldMeeting(String body, UnitId unit) implements MeetingCommand {
    }

    /** The acting member opens a petition to convene {@code body} of {@code unit}; their signature is the first. */
    record OpenConveningPetition(ConveningId petition, String body, UnitId unit) implements MeetingCommand {
    }

    /** The acting member signs a petition to convene a body. */
    record SignConveningPetition(ConveningId petition) implements MeetingCommand {
    }
}
