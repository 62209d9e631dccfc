package org.smolny.bench.congress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.smolny.council.command.Command;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.Congress;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.Minutes;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.motion.MotionText;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.shell.internal.CouncilEntries;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.Unit;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;

/**
 * How long the minutes of a congress take on a large record, two ways: by reading and decoding every entry of the
 * record and replaying the congress's (what the server did per request until the minutes were written from the
 * projection), and from the congress projection the council service keeps (what it does now). The record: a union
 * of {@code branches} branches of {@code members} members each (one admission entry per member), a congress delegate
 * elected in each, and a congress of all of them with {@code votes} card votes cast by every seat. A SQLite file in a
 * temporary folder; each way is run {@code repeats} times after one warm-up, the best and the median printed.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar org.smolny.bench.congress.MinutesRun [branches] [members] [votes] [repeats]
 * java -Xmx2g -cp bench/target/benchmarks.jar org.smolny.bench.congress.MinutesRun 2000 50 3 5
 * </pre>
 */
public final class MinutesRun {

    private static final int BATCH = 1_000;

    private MinutesRun() {
    }

    public static void main(String[] args) throws IOException {
        int branches = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int votes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        System.out.printf("minutes run: %d branches of %d members, %d card votes; %d processors, java %s%n", branches, members, votes,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path folder = Files.createTempDirectory("smolny-minutes-");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
        try (RecordStore store = RecordStore.open(StoreConfig.sqlite(folder.resolve("smolny.sqlite")))) {
            CouncilService council = CouncilService.open(store, (InstantSource) now::get);
            long start = System.nanoTime();
            CongressId congress = setUp(council, now, branches, members, votes);
            System.out.printf("set-up: %d entries on the record in %.1f s%n", store.size(), (System.nanoTime() - start) / 1e9);
            Map<MemberId, String> names = new HashMap<>();
            Function<MemberId, String> name = member -> names.computeIfAbsent(member,
                    id -> council.person(id).map(PersonalData::name).orElse(id.toString()));

            String fromRecord = measure("from the whole record (read, decode, replay)", repeats, () -> fromRecord(council, store, congress, name));
            String fromProjection = measure("from the congress projection", repeats, () -> council.read(state -> {
                Congress held = state.congresses().find(congress).orElseThrow();
                return Minutes.write(held, unit -> state.units().find(unit).map(Unit::name).orElse(unit.toString()), name);
            }));
            if (!fromRecord.equals(fromProjection)) {
                throw new IllegalStateException("the two ways wrote different minutes");
            }
            System.out.printf("the same minutes both ways: %d characters%n", fromProjection.length());
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String fromRecord(CouncilService council, RecordStore store, CongressId congress, Function<MemberId, String> names) {
        List<Entry> entries = new ArrayList<>();
        long size = store.size();
        for (long from = 0; from < size; from += BATCH) {
            long index = from;
            for (org.smolny.record.json.Entry stored : store.entries(from, (int) Math.min(BATCH, size - from))) {
                CouncilEntries.decode(index, stored.bytes()).ifPresent(entries::add);
                index++;
            }
        }
        return Minutes.write(congress, entries, names);
    }

    private static String measure(String what, int repeats, java.util.function.Supplier<String> minutes) {
        String written = minutes.get();
        long[] times = new long[repeats];
        for (int run = 0; run < repeats; run++) {
            long start = System.nanoTime();
            written = minutes.get();
            times[run] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        System.out.printf("minutes %-48s best %8.1f ms, median %8.1f ms (%d runs after a warm-up)%n", what, times[0] / 1e6,
                times[repeats / 2] / 1e6, repeats);
        return written;
    }

    private static CongressId setUp(CouncilService council, AtomicReference<Instant> now, int branchCount, int perBranch, int votes)
            throws IOException {
        run(council, new StatutesCommand.AdoptStatutes(Files.readString(Path.of("docs/examples/national-union.toml"))), null);
        UnitId national = UnitId.generate(now.get());
        run(council, new UnitCommand.FoundUnit(national, "national", null, "National"), null);
        UnitId region = UnitId.generate(now.get());
        run(council, new UnitCommand.FoundUnit(region, "region", national, "Region"), null);
        List<UnitId> branches = new ArrayList<>();
        List<CompletableFuture<CommandResult>> pending = new ArrayList<>();
        for (int index = 0; index < branchCount; index++) {
            UnitId branch = UnitId.generate(now.get());
            branches.add(branch);
            pending.add(council.executeAsync(new UnitCommand.FoundUnit(branch, "branch", region, "Branch " + index), null));
        }
        joinAll(pending);
        List<List<MemberId>> members = new ArrayList<>();
        for (int index = 0; index < branchCount; index++) {
            List<MemberId> branchMembers = new ArrayList<>();
            for (int member = 0; member < perBranch; member++) {
                MemberId id = MemberId.generate(now.get());
                branchMembers.add(id);
                pending.add(council.admitAsync(id, branches.get(index), new PersonalData("Member " + index + "." + member, "", ""),
                        new VoteTally(12, 12, 12, 0, 0), null));
            }
            members.add(branchMembers);
            if (pending.size() >= 20_000) {
                joinAll(pending);
            }
        }
        joinAll(pending);
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(181)));
        List<CompletableFuture<CommandResult>> held = new ArrayList<>();
        for (int index = 0; index < branchCount; index++) {
            ElectionId election = ElectionId.generate(now.get());
            run(council, new ElectionCommand.ScheduleElection(election, "congress-delegate", branches.get(index), 1,
                    now.get().plus(Duration.ofDays(14))), null);
            List<MemberId> electors = members.get(index);
            held.add(council.executeAsync(new ElectionCommand.HoldOpenElection(election,
                    electors.stream().map(voter -> new Ballot(voter, List.of(electors.getFirst()))).toList()), null));
        }
        List<MandateId> mandates = new ArrayList<>();
        for (CompletableFuture<CommandResult> future : held) {
            CommandResult.Recorded recorded = (CommandResult.Recorded) future.join();
            mandates.add(recorded.entries().stream().map(entry -> entry.entry().event()).filter(CouncilEvent.MandateConferred.class::isInstance)
                    .map(CouncilEvent.MandateConferred.class::cast).findFirst().orElseThrow().mandate());
        }
        MemberId chair = members.getFirst().get(1);
        CongressId congress = CongressId.generate(now.get());
        run(council, new CongressCommand.ConveneCongress(congress, national, ConveningKind.REGULAR, "congress-delegate", null, chair,
                now.get().plus(Duration.ofDays(7))), null);
        for (MandateId mandate : mandates) {
            pending.add(council.executeAsync(new CongressCommand.AccreditDelegate(congress, mandate), chair));
        }
        joinAll(pending);
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(7)));
        run(council, new CongressCommand.OpenCongress(congress), chair);
        run(council, new CongressCommand.AdoptAgenda(congress, List.of(new AgendaItem("Policy", 600, 3))), chair);
        run(council, new CongressCommand.TakeItem(congress, 1), chair);
        for (int vote = 0; vote < votes; vote++) {
            MotionId motion = MotionId.generate(now.get());
            run(council, new CongressCommand.TableMotion(congress, motion, 1, "Motion " + (vote + 1),
                    MotionText.of("Congress resolves point " + (vote + 1) + "."), DecisionType.ORDINARY, null), members.get(vote).getFirst());
            run(council, new CongressCommand.OpenVote(congress, motion, null, VoteMode.CARD), chair);
            for (int index = 0; index < branchCount; index++) {
                pending.add(council.executeAsync(new CongressCommand.CastVote(congress, index % 3 == 0 ? Position.AGAINST : Position.FOR),
                        members.get(index).getFirst()));
            }
            joinAll(pending);
            run(council, new CongressCommand.CloseVote(congress), chair);
        }
        return congress;
    }

    private static void run(CouncilService council, Command command, MemberId by) {
        CommandResult result = council.execute(command, by);
        if (result instanceof CommandResult.Refused refused) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " was refused: " + refused.reason());
        }
    }

    private static void joinAll(List<CompletableFuture<CommandResult>> pending) {
        for (CompletableFuture<CommandResult> future : pending) {
            if (future.join() instanceof CommandResult.Refused refused) {
                throw new IllegalStateException("refused: " + refused.reason());
            }
        }
        pending.clear();
    }
}
