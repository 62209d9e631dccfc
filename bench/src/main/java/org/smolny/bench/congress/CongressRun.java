package org.smolny.bench.congress;

import org.smolny.council.Council;
import org.smolny.council.command.Command;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressEvent;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.Minutes;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.event.OrgId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.Commitment;
import org.smolny.council.member.MemberCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;
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
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * End-to-end run of a large congress in the council's pure core, in memory (no database, no durability, no HTTP):
 * credentials for every delegate, a card vote with every seat voting, the minutes, an STV election of the executive
 * with one ranked paper per seat, and the congress rebuilt from its JSON entries. It shows what the domain costs
 * within the target of a card vote's result on 2,000 screens within 1 s of closing.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar org.smolny.bench.congress.CongressRun [delegates] [members-per-branch] [candidates]
 * java -Xmx2g -cp bench/target/benchmarks.jar org.smolny.bench.congress.CongressRun 2000 5 36
 * </pre>
 *
 * The union of {@code docs/examples/national-union.toml}: one region holding a branch per delegate, each branch
 * electing its congress delegate by an open vote of its members.
 */
public final class CongressRun {

    private CongressRun() {
    }

    private static final class Run {
        final Council council = new Council(OrgId.generate(Instant.parse("2026-01-05T09:00:00Z")));
        final List<Entry> entries = new ArrayList<>();
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        List<CouncilEvent> execute(Command command, MemberId by) {
            Council.Execution execution = council.execute(command, by, now);
            if (!execution.accepted()) {
                throw new IllegalStateException("refused: " + execution.reason());
            }
            entries.addAll(execution.entries());
            return execution.entries().stream().map(Entry::event).toList();
        }
    }

    public static void main(String[] args) throws IOException, MalformedEntryException {
        int delegates = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int perBranch = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int candidates = args.length > 2 ? Integer.parseInt(args[2]) : 36;
        System.out.printf("congress run: %d delegates, %d members per branch, %d candidates; %d processors, java %s%n",
                delegates, perBranch, candidates, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        Run run = new Run();
        run.execute(new StatutesCommand.AdoptStatutes(Files.readString(Path.of("docs/examples/national-union.toml"))), null);
        UnitId national = UnitId.generate(run.now);
        run.execute(new UnitCommand.FoundUnit(national, "national", null, "National"), null);
        UnitId region = UnitId.generate(run.now);
        run.execute(new UnitCommand.FoundUnit(region, "region", national, "Region"), null);
        SplittableRandom random = new SplittableRandom(20261127L);
        byte[] digest = new byte[32];
        VoteTally unitVote = new VoteTally(50, 30, 28, 1, 1);
        List<UnitId> branches = new ArrayList<>();
        List<List<MemberId>> members = new ArrayList<>();
        for (int index = 0; index < delegates; index++) {
            UnitId branch = UnitId.generate(run.now);
            run.execute(new UnitCommand.FoundUnit(branch, "branch", region, "Branch " + index), null);
            branches.add(branch);
            List<MemberId> branchMembers = new ArrayList<>();
            for (int member = 0; member < perBranch; member++) {
                MemberId id = MemberId.generate(run.now);
                random.nextBytes(digest);
                run.execute(new MemberCommand.AdmitMember(id, branch, new Commitment(HexFormat.of().formatHex(digest)), unitVote), null);
                branchMembers.add(id);
            }
            members.add(branchMembers);
        }
        run.now = run.now.plus(Duration.ofDays(181));
        long start = System.nanoTime();
        List<MandateId> mandates = new ArrayList<>();
        for (int index = 0; index < delegates; index++) {
            ElectionId election = ElectionId.generate(run.now);
            run.execute(new ElectionCommand.ScheduleElection(election, "congress-delegate", branches.get(index), 1,
                    run.now.plus(Duration.ofDays(14))), null);
            List<MemberId> electors = members.get(index);
            List<Ballot> ballots = electors.stream().map(voter -> new Ballot(voter, List.of(electors.getFirst()))).toList();
            List<CouncilEvent> events = run.execute(new ElectionCommand.HoldOpenElection(election, ballots), null);
            mandates.add(((CouncilEvent.MandateConferred) events.getLast()).mandate());
        }
        report("branch elections of delegates", delegates, System.nanoTime() - start);

        MemberId chair = members.getFirst().get(1);
        CongressId congress = CongressId.generate(run.now);
        run.execute(new CongressCommand.ConveneCongress(congress, national, ConveningKind.REGULAR, "congress-delegate", null, chair,
                run.now.plus(Duration.ofDays(7))), null);
        start = System.nanoTime();
        for (MandateId mandate : mandates) {
            run.execute(new CongressCommand.AccreditDelegate(congress, mandate), chair);
        }
        report("credentials checked (decide, apply)", delegates, System.nanoTime() - start);
        run.now = run.now.plus(Duration.ofDays(7));
        start = System.nanoTime();
        run.execute(new CongressCommand.OpenCongress(congress), chair);
        report("congress opened (counts seats and cards)", 1, System.nanoTime() - start);
        run.execute(new CongressCommand.AdoptAgenda(congress, List.of(new AgendaItem("Motions", 240, 3), new AgendaItem("Elections", 60, 2))), chair);
        run.execute(new CongressCommand.TakeItem(congress, 1), chair);
        MotionId motion = MotionId.generate(run.now);
        MemberId mover = members.getFirst().getFirst();
        run.execute(new CongressCommand.TableMotion(congress, motion, 1, "A 35-hour week",
                MotionText.of("Congress demands a 35-hour week.\nCongress instructs the executive to negotiate."), DecisionType.ORDINARY, null), mover);
        run.execute(new CongressCommand.OpenVote(congress, motion, null, VoteMode.CARD), chair);
        start = System.nanoTime();
        for (int index = 0; index < delegates; index++) {
            run.execute(new CongressCommand.CastVote(congress, index % 3 == 0 ? Position.AGAINST : Position.FOR), members.get(index).getFirst());
        }
        report("card votes cast (decide, apply)", delegates, System.nanoTime() - start);
        start = System.nanoTime();
        CongressEvent.VoteClosed closed = (CongressEvent.VoteClosed) run.execute(new CongressCommand.CloseVote(congress), chair).getFirst();
        report("card vote closed (count, rule, result)", 1, System.nanoTime() - start);
        System.out.println("  " + closed.decision().sentence());

        run.execute(new CongressCommand.TakeItem(congress, 2), chair);
        ElectionId executive = ElectionId.generate(run.now);
        run.execute(new ElectionCommand.ScheduleElection(executive, "national-executive", national, 9, run.now.plus(Duration.ofDays(1))), null);
        List<MemberId> standing = new ArrayList<>();
        for (int index = 0; index < candidates; index++) {
            standing.add(members.get(index % delegates).get(1 + index / delegates));
        }
        List<List<MemberId>> papers = new ArrayList<>();
        for (int index = 0; index < delegates; index++) {
            List<MemberId> ranking = new ArrayList<>(standing);
            Collections.shuffle(ranking, new java.util.Random(random.nextLong()));
            papers.add(List.copyOf(ranking.subList(0, 1 + random.nextInt(candidates))));
        }
        start = System.nanoTime();
        List<CouncilEvent> elected = run.execute(new CongressCommand.ElectBody(congress, executive, "stv-scottish", standing, papers), chair);
        report("STV election of the executive (decide, count, apply)", 1, System.nanoTime() - start);
        CongressEvent.BodyElected body = (CongressEvent.BodyElected) elected.getFirst();
        System.out.printf("  %d papers, %d rounds, %d elected, ballots in %d entries%n", body.ballotPapers(), body.rounds().size(),
                body.elected().size(), body.ballotParts());
        run.execute(new CongressCommand.CloseCongress(congress), chair);

        start = System.nanoTime();
        String minutes = Minutes.write(congress, run.entries, MemberId::toString);
        report("minutes written from the record", 1, System.nanoTime() - start);
        System.out.printf("  %,d characters%n", minutes.length());
        List<String> json = run.entries.stream().map(EntryCodec::toJson).toList();
        long largest = json.stream().mapToLong(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).max().orElse(0);
        System.out.printf("entries: %d, the largest %,d bytes%n", json.size(), largest);
        for (int repeat = 0; repeat < 3; repeat++) {
            start = System.nanoTime();
            List<Entry> decoded = new ArrayList<>(json.size());
            for (String text : json) {
                decoded.add(EntryCodec.fromJson(text));
            }
            Council rebuilt = Council.rebuild(run.council.org(), decoded);
            report("rebuild from JSON (decode and fold)", json.size(), System.nanoTime() - start);
            if (!rebuilt.state().equals(run.council.state())) {
                throw new IllegalStateException("the rebuilt state differs");
            }
        }
    }

    private static void report(String what, long count, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-55s %,9d in %8.3f s  = %,12.0f per second%n", what, count, seconds, count / seconds);
    }
}
