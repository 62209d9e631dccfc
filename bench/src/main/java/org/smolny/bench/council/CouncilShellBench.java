package org.smolny.bench.council;

import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.shell.MemberImport;
import org.smolny.council.shell.Rebuild;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * End-to-end figures of the council shell on a SQLite file, printed to standard output:
 * <pre>
 * CouncilShellBench import DB STATUTES MEMBERS      a union of 5 regions and 40 branches, then MEMBERS rows of CSV imported
 *                                                   (one admission and one record entry each, personal data apart)
 * CouncilShellBench signatures DB STATUTES ELECTORS SIGNATURES
 *                                                   recall-petition signatures accepted durably, pipelined, in a branch of ELECTORS
 * CouncilShellBench rebuild DB                      the query tables rebuilt from the whole record, in place, then checked
 * CouncilShellBench demo DB STATUTES                the demo union (5 regions, 40 branches, 5,000 members, with history) built
 * </pre>
 */
public final class CouncilShellBench {

    private static final int IN_FLIGHT = 16_384;

    private CouncilShellBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: CouncilShellBench import|signatures|rebuild ...");
            System.exit(2);
        }
        switch (args[0]) {
            case "import" -> importMembers(Path.of(args[1]), Files.readString(Path.of(args[2])), Integer.parseInt(args[3]));
            case "signatures" -> signatures(Path.of(args[1]), Files.readString(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "rebuild" -> rebuild(Path.of(args[1]));
            case "demo" -> demo(Path.of(args[1]), Files.readString(Path.of(args[2])));
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void importMembers(Path database, String statutes, int members) throws IOException, MemberImport.BadHeader {
        Path csv = database.resolveSibling(database.getFileName() + ".members.csv");
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(database))) {
            CouncilService council = CouncilService.open(store, InstantSource.system());
            List<String> branches = foundUnion(council, statutes);
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("unit,name,email,phone,vote\n");
                for (int index = 0; index < members; index++) {
                    out.write(branches.get(index % branches.size()) + ",Member " + index + ",member" + index + "@example.org,,40/30/28/1/1\n");
                }
            }
            long before = store.size();
            long start = System.nanoTime();
            MemberImport.Report report;
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                report = new MemberImport(council).run(in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("import: %,d members admitted (%d rows refused) in %.1f s = %,.0f members/s; record %,d -> %,d entries; "
                            + "mean batch %.0f submissions per transaction%n",
                    report.admitted(), report.errors().size(), seconds, report.admitted() / seconds, before, store.size(), store.meanBatchSize());
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static List<String> foundUnion(CouncilService council, String statutes) {
        require(council.execute(new StatutesCommand.AdoptStatutes(statutes), null));
        UnitId national = found(council, "national", null, "General Union");
        List<String> branches = new ArrayList<>();
        for (String region : List.of("North", "South", "East", "West", "Capital")) {
            UnitId regionId = found(council, "region", national, region);
            for (int index = 1; index <= 8; index++) {
                found(council, "branch", regionId, region + " " + index);
                branches.add(region + " " + index);
            }
        }
        return branches;
    }

    private static UnitId found(CouncilService council, String type, UnitId parent, String name) {
        UnitId unit = UnitId.generate(council.clock().instant());
        require(council.execute(new UnitCommand.FoundUnit(unit, type, parent, name), null));
        return unit;
    }

    private static void signatures(Path database, String statutes, int electors, int signatures) {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(database))) {
            CouncilService council = CouncilService.open(store, now::get);
            require(council.execute(new StatutesCommand.AdoptStatutes(statutes), null));
            UnitId national = found(council, "national", null, "General Union");
            UnitId region = found(council, "region", national, "North");
            UnitId branch = found(council, "branch", region, "Docks");
            List<MemberId> members = new ArrayList<>(electors);
            Deque<CompletableFuture<CommandResult>> pending = new ArrayDeque<>();
            for (int index = 0; index < electors; index++) {
                MemberId member = MemberId.generate(now.get());
                members.add(member);
                pending.add(council.admitAsync(member, branch, new PersonalData("Member " + index, "", ""), new VoteTally(40, 30, 28, 1, 1), null));
                if (pending.size() >= IN_FLIGHT) {
                    require(pending.poll().join());
                }
            }
            pending.forEach(future -> require(future.join()));
            pending.clear();
            now.updateAndGet(instant -> instant.plus(Duration.ofDays(181)));
            ElectionId election = ElectionId.generate(now.get());
            require(council.execute(new ElectionCommand.ScheduleElection(election, "branch-secretary", branch, 1,
                    now.get().plus(Duration.ofDays(14))), null));
            CommandResult held = require(council.execute(new ElectionCommand.HoldOpenElection(election,
                    List.of(new Ballot(members.get(1), List.of(members.get(0))))), null));
            MandateId mandate = ((CommandResult.Recorded) held).entries().stream().map(entry -> entry.entry().event())
                    .filter(CouncilEvent.MandateConferred.class::isInstance).map(event -> ((CouncilEvent.MandateConferred) event).mandate())
                    .findFirst().orElseThrow();
            PetitionId petition = PetitionId.generate(now.get());
            require(council.execute(new RecallCommand.OpenRecallPetition(petition, mandate), members.get(1)));
            long before = store.size();
            long start = System.nanoTime();
            long accepted = 0;
            for (int index = 0; index < signatures; index++) {
                pending.add(council.executeAsync(new RecallCommand.SignRecallPetition(petition), members.get(2 + index)));
                if (pending.size() >= IN_FLIGHT) {
                    accepted += require(pending.poll().join()) instanceof CommandResult.Recorded ? 1 : 0;
                }
            }
            while (!pending.isEmpty()) {
                accepted += require(pending.poll().join()) instanceof CommandResult.Recorded ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("signatures: %,d recall signatures accepted durably in %.2f s = %,.0f signatures/s (electorate %,d; "
                            + "record %,d -> %,d entries; mean batch %.0f)%n",
                    accepted, seconds, accepted / seconds, electors, before, store.size(), store.meanBatchSize());
        }
    }

    private static void rebuild(Path database) {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(database))) {
            long size = store.size();
            long start = System.nanoTime();
            long entries = Rebuild.inPlace(store);
            double rebuilt = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            Rebuild.Report report = Rebuild.check(store, database.resolveSibling("rebuild-work"));
            double checked = (System.nanoTime() - start) / 1e9;
            System.out.printf("rebuild: %,d entries folded into the query tables in %.1f s = %,.0f entries/s; "
                            + "rebuild --check in %.1f s: %s%n", entries, rebuilt, size / rebuilt, checked,
                    report instanceof Rebuild.Identical ? "identical" : ((Rebuild.Different) report).difference());
            start = System.nanoTime();
            CouncilService.open(store, InstantSource.system());
            System.out.printf("start-up fold of the state: %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    private static void demo(Path database, String statutes) {
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(database))) {
            long start = System.nanoTime();
            org.smolny.council.shell.DemoUnion.Summary summary = org.smolny.council.shell.DemoUnion.load(store, statutes);
            System.out.printf("demo: %,d members in %d branches and %d regions, %,d record entries, built in %.1f s%n",
                    summary.members(), summary.branches(), summary.regions(), summary.entries(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static CommandResult require(CommandResult result) {
        if (result instanceof CommandResult.Refused refused) {
            throw new IllegalStateException("refused: " + refused.reason());
        }
        return result;
    }
}
