package org.smolny.web.congress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.smolny.council.command.Command;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;

/**
 * The set-up acts the congress test servers share: founding units, electing a member to a post by an open election,
 * and running any command as the system, each required to be recorded, on the council's test clock.
 */
final class UnionSetup {

    /** The statutes of the national union example ({@code docs/examples/national-union.toml}). */
    static String nationalUnionStatutes() {
        try {
            return Files.readString(Path.of("../docs/examples/national-union.toml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final CouncilService council;
    private final AtomicReference<Instant> now;

    UnionSetup(CouncilService council, AtomicReference<Instant> now) {
        this.council = council;
        this.now = now;
    }

    MandateId elect(String post, UnitId unit, MemberId candidate, List<MemberId> voters) {
        ElectionId election = ElectionId.generate(now.get());
        system(new ElectionCommand.ScheduleElection(election, post, unit, 1, now.get().plus(Duration.ofDays(14))));
        CommandResult.Recorded recorded = system(new ElectionCommand.HoldOpenElection(election,
                voters.stream().map(voter -> new Ballot(voter, List.of(candidate))).toList()));
        return recorded.entries().stream().map(entry -> entry.entry().event())
                .filter(CouncilEvent.MandateConferred.class::isInstance).map(CouncilEvent.MandateConferred.class::cast)
                .findFirst().orElseThrow().mandate();
    }

    UnitId found(String type, UnitId parent, String name) {
        UnitId unit = UnitId.generate(now.get());
        system(new UnitCommand.FoundUnit(unit, type, parent, name));
        return unit;
    }

    CommandResult.Recorded system(Command command) {
        return require(council.execute(command, null));
    }

    static CommandResult.Recorded require(CommandResult result) {
        if (result instanceof CommandResult.Recorded recorded) {
            return recorded;
        }
        throw new AssertionError("the setup was refused: " + ((CommandResult.Refused) result).reason());
    }
}
