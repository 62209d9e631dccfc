package org.smolny.bench.council;

import org.smolny.council.Council;
import org.smolny.council.command.Command;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.event.OrgId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.Commitment;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * End-to-end run of the council's pure core, in memory (no database, no durability): how fast commands are decided,
 * applied and written as JSON entries, and how fast the state is rebuilt from the entries. These are upper bounds for
 * the durable figures, which add the record store's group commit.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar org.smolny.bench.council.CouncilCoreRun [members] [branches] [statutes.toml]
 * java -Xmx2g -cp bench/target/benchmarks.jar org.smolny.bench.council.CouncilCoreRun 200000 40 docs/examples/national-union.toml
 * </pre>
 *
 * Phases: found the national union (one region holding every branch); admit the members (a unit vote each); pass
 * probation; elect the regional secretary by the region's members (open plurality vote, one ballot per member); open
 * a recall petition against them and collect signatures short of the threshold (a quarter of the region); rebuild the
 * state from the entries, then from their JSON.
 */
public final class CouncilCoreRun {

    private CouncilCoreRun() {
    }

    private static final class Run {
        final Council council = new Council(OrgId.generate(Instant.parse("2026-01-05T09:00:00Z")));
        final List<Entry> entries = new ArrayList<>();
        final List<String> json = new ArrayList<>();
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        void execute(Command command, MemberId by) {
            Council.Execution execution = council.execute(command, by, now);
            if (!execution.accepted()) {
                throw new IllegalStateException("refused: " + execution.reason());
            }
            for (Entry entry : execution.entries()) {
                entries.add(entry);
                json.add(EntryCodec.toJson(entry));
            }
        }
    }

    public static void main(String[] args) throws IOException, MalformedEntryException {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int branches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path statutes = Path.of(args.length > 2 ? args[2] : "docs/examples/national-union.toml");
        System.out.printf("council core run: %d members in %d branches of one region, statutes %s; %d processors, java %s%n",
                members, branches, statutes, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        Run run = new Run();
        run.execute(new StatutesCommand.AdoptStatutes(Files.readString(statutes)), null);
        UnitId national = UnitId.generate(run.now);
        run.execute(new UnitCommand.FoundUnit(national, "national", null, "National"), null);
        UnitId region = UnitId.generate(run.now);
        run.execute(new UnitCommand.FoundUnit(region, "region", national, "Region"), null);
        List<UnitId> branchIds = new ArrayList<>();
        for (int index = 0; index < branches; index++) {
            UnitId branch = UnitId.generate(run.now);
            branchIds.add(branch);
            run.execute(new UnitCommand.FoundUnit(branch, "branch", region, "Branch " + index), null);
        }

        SplittableRandom random = new SplittableRandom(20261127L);
        byte[] digest = new byte[32];
        List<MemberId> ids = new ArrayList<>(members);
        VoteTally unitVote = new VoteTally(50, 30, 28, 1, 1);
        long start = System.nanoTime();
        for (int index = 0; index < members; index++) {
            MemberId member = MemberId.generate(run.now);
            random.nextBytes(digest);
            run.execute(new MemberCommand.AdmitMember(member, branchIds.get(index % branches), new Commitment(HexFormat.of().formatHex(digest)),
                    unitVote), null);
            ids.add(member);
        }
        report("admissions (decide, apply, JSON)", members, System.nanoTime() - start);

        run.now = run.now.plus(Duration.ofDays(181));
        ElectionId election = ElectionId.generate(run.now);
        run.execute(new ElectionCommand.ScheduleElection(election, "regional-secretary", region, 1, run.now.plus(Duration.ofDays(14))), null);
        List<Ballot> ballots = new ArrayList<>(members);
        for (int index = 0; index < members; index++) {
            ballots.add(new Ballot(ids.get(index), List.of(ids.get(index % 4 == 0 ? 1 : 0))));
        }
        start = System.nanoTime();
        run.execute(new ElectionCommand.HoldOpenElection(election, ballots), null);
        report("open election, one ballot per member (one command)", 1, System.nanoTime() - start);
        MandateId secretary = ((CouncilEvent.MandateConferred) run.entries.getLast().event()).mandate();

        PetitionId petition = PetitionId.generate(run.now);
        start = System.nanoTime();
        run.execute(new RecallCommand.OpenRecallPetition(petition, secretary), ids.get(1));
        report("recall petition opened (counts the electorate)", 1, System.nanoTime() - start);
        int signatures = members / 4 - 2;
        start = System.nanoTime();
        for (int index = 2; index < signatures + 2; index++) {
            run.execute(new RecallCommand.SignRecallPetition(petition), ids.get(index));
        }
        report("recall signatures (decide, apply, JSON)", signatures, System.nanoTime() - start);

        System.out.printf("entries: %d%n", run.entries.size());
        for (int repeat = 0; repeat < 3; repeat++) {
            start = System.nanoTime();
            Council rebuilt = Council.rebuild(run.council.org(), run.entries);
            report("rebuild from entries (fold)", run.entries.size(), System.nanoTime() - start);
            if (!rebuilt.state().equals(run.council.state())) {
                throw new IllegalStateException("the rebuilt state differs");
            }
        }
        for (int repeat = 0; repeat < 3; repeat++) {
            start = System.nanoTime();
            List<Entry> decoded = new ArrayList<>(run.json.size());
            for (String text : run.json) {
                decoded.add(EntryCodec.fromJson(text));
            }
            Council fromJson = Council.rebuild(run.council.org(), decoded);
            report("rebuild from JSON (decode and fold)", run.json.size(), System.nanoTime() - start);
            if (!fromJson.state().equals(run.council.state())) {
                throw new IllegalStateException("the state rebuilt from JSON differs");
            }
        }
    }

    private static void report(String what, long count, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-55s %,10d in %8.3f s  = %,12.0f per second%n", what, count, seconds, count / seconds);
    }
}
