package org.smolny.council.election;

import org.smolny.council.command.Command;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.List;

/** Commands on elections. This session's elections are open (named) votes counted by plurality. */
public sealed interface ElectionCommand extends Command {

    /** Schedule an election of {@code seats} seats of an elective post in a unit, to be held by {@code holdBy}. */
    record ScheduleElection(ElectionId election, String post, UnitId unit, int seats, Instant holdBy) implements ElectionCommand {
    }

    /**
     * Record an open election held in a meeting of the electorate: each elector's named ballot. The candidates with
     * most votes fill the seats; a tie for the last seat is refused (hold a run-off between the tied candidates).
     */
    record HoldOpenElection(ElectionId election, List<Ballot> ballots) implements ElectionCommand {
    }
}
