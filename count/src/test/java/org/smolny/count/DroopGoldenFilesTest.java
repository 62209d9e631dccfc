package org.smolny.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Blt;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;
import org.smolny.count.report.Transfer;

/**
 * Droop's own reference outputs ({@code golden/droop-*}): a BLT file and, for each rule, the
 * tab-separated dump Droop writes of every step of the count. Each step is compared with our
 * round: every candidate's votes, the quota, and for Meek the keep factors, the residual and (at
 * each defeat) the total surplus the iteration stopped at, for
 * the Scottish rules the non-transferable votes; and who is elected and defeated, in order.
 *
 * <p>Droop breaks a tie by defeating the candidate that comes first in the ballot file; our lot
 * defeats the candidate that comes last in the lot order, so the lot order given is the ballot
 * file's order reversed.
 */
class DroopGoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Map<String, String> RULES = Map.of("meek-prf-o6-fixed-p9-d9", "stv-meek", "scotland-fixed-p5-d5", "stv-scottish");

    @TestFactory
    Stream<DynamicTest> every_droop_reference_count_is_reproduced_step_by_step() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(GOLDEN)) {
            dirs = s.filter(d -> d.getFileName().toString().startsWith("droop-")).sorted().toList();
        }
        for (Path dir : dirs) {
            String stem = dir.getFileName().toString().substring("droop-".length());
            for (Map.Entry<String, String> rule : RULES.entrySet()) {
                Path dump = dir.resolve(stem + "-" + rule.getKey() + ".txt");
                if (Files.exists(dump)) {
                    tests.add(DynamicTest.dynamicTest(stem + " by " + rule.getValue(), () -> check(dir.resolve(stem + ".blt"), dump, rule.getValue())));
                }
            }
        }
        assertThat(tests).as("Droop reference counts under " + GOLDEN).hasSizeGreaterThanOrEqualTo(3);
        return tests.stream();
    }

    /** One line of a Droop dump: round, action, the summary columns, and per candidate its state, vote and (Meek) keep factor. */
    private record Step(String round, String action, List<String> totals, Map<String, String> state, Map<String, String> vote, Map<String, String> keep) {
        Set<String> in(String... states) {
            Set<String> out = new HashSet<>();
            state.forEach((name, s) -> { for (String wanted : states) if (s.equals(wanted)) out.add(name); });
            return out;
        }
    }

    private static void check(Path blt, Path dump, String method) throws IOException {
        assertThat(blt.resolveSibling("README.md")).exists();
        BallotBox box = Blt.read(upToTheLastQuotedLine(Files.readString(blt)));
        List<String> reversed = new ArrayList<>(box.candidates());
        Collections.reverse(reversed);
        CountReport report = Counting.count(method, box, CountOptions.seats(box.seats()).withLotOrder(reversed));
        List<Step> steps = parse(Files.readAllLines(dump), method.equals("stv-meek"));
        Step end = steps.stream().filter(s -> s.action().equals("end")).findFirst().orElseThrow();
        assertThat(report.elected()).as("elected").containsExactlyInAnyOrderElementsOf(end.in("E"));
        if (method.equals("stv-meek")) checkMeek(report, steps); else checkScottish(report, steps);
    }

    /**
     * Meek: Droop writes a line when the count begins and at every election and defeat, with the
     * count as it stands then. Our rounds are the same moments: first preferences, then one round
     * per election (several candidates elected together are one round, one Droop line each) or
     * defeat. Droop's last lines may defeat the remaining hopefuls once the seats are filled (rule
     * C.2), which we do not report as a round; and when it elects the remaining hopefuls (rule
     * C.1) it prints the votes before they are recounted, so there only who is elected is compared.
     */
    private static void checkMeek(CountReport report, List<Step> steps) {
        List<Step> actions = steps.stream().filter(s -> List.of("begin", "elect", "defeat").contains(s.action())).toList();
        int seats = report.seats();
        int ours = 0;
        Set<String> electedBefore = new HashSet<>();
        String lastDefeatRound = null;
        for (int i = 0; i < actions.size(); i++) {
            Step step = actions.get(i);
            if (step.action().equals("defeat") && electedBefore.size() == seats) continue; // C.2: defeat remaining
            boolean remaining = step.action().equals("elect") && step.round().equals(lastDefeatRound); // C.1: elect remaining
            while (step.action().equals("elect") && i + 1 < actions.size() && actions.get(i + 1).action().equals("elect")
                    && actions.get(i + 1).round().equals(step.round())) {
                step = actions.get(++i); // several elected in one round: the last line has them all
            }
            Round round = report.rounds().get(ours++);
            String at = "Droop round " + step.round() + " " + step.action() + " / our round " + round.number() + ": ";
            Set<String> elected = step.in("E");
            elected.removeAll(electedBefore);
            assertThat(round.elected()).as(at + "elected").containsExactlyInAnyOrderElementsOf(elected);
            electedBefore.addAll(elected);
            if (step.action().equals("defeat")) {
                assertThat(round.eliminated()).as(at + "defeated").hasSize(1);
                assertThat(step.state().get(round.eliminated().getFirst())).as(at + "defeated").isEqualTo("D");
                lastDefeatRound = step.round();
                // the total surplus the iteration stopped at (B.2.d), which also decides who is tied for defeat (B.3)
                BigDecimal surplus = BigDecimal.ZERO;
                for (Tally t : round.tallies()) {
                    if (t.status().equals("elected")) surplus = surplus.add(new BigDecimal(t.votes()).subtract(new BigDecimal(round.quota())));
                }
                assertThat(surplus.max(BigDecimal.ZERO)).as(at + "total surplus").isEqualByComparingTo(step.totals().get(2));
            }
            if (remaining) continue;
            assertThat(round.quota()).as(at + "quota").isEqualTo(step.totals().get(0));
            assertThat(round.exhausted()).as(at + "residual").isEqualTo(step.totals().get(3));
            for (Tally t : round.tallies()) {
                assertThat(t.votes()).as(at + "votes of " + t.candidate()).isEqualTo(step.vote().get(t.candidate()));
                if (!step.state().get(t.candidate()).equals("D")) {
                    assertThat(t.keep()).as(at + "keep factor of " + t.candidate()).isEqualTo(step.keep().get(t.candidate()));
                }
            }
        }
        assertThat(report.rounds()).as("rounds").hasSize(ours);
    }

    /**
     * Scottish STV: Droop writes the first count (with the candidates it elects), then for each
     * stage the transfer of one surplus ("unpend") or of one excluded candidate's papers
     * ("defeat"), with the count after the transfer and any candidate then elected. Each of our
     * stages is compared with Droop's count after the same transfer. When the continuing
     * candidates are no more than the vacancies, Droop elects them within the last stage and we in
     * a stage of our own (SSI 2007/42 sch.1 r.52), with the same votes. Droop's "non-transferable"
     * column counts papers only; our "exhausted" also holds what truncating transfer values lost,
     * so Droop's figure is compared with the votes our transfers sent to "exhausted".
     */
    private static void checkScottish(CountReport report, List<Step> steps) {
        List<Step> after = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (Step s : steps) {
            if (s.action().equals("begin")) { after.add(s); actions.add("first preferences"); }
            if (s.action().equals("unpend")) actions.add("surplus of " + newly(s, steps, "E"));
            if (s.action().equals("defeat")) actions.add("exclusion of " + newly(s, steps, "D"));
            if (s.action().equals("transfer")) after.add(s);
        }
        // who is elected at each stage; within a stage Droop and we may list them in different orders
        Map<String, Set<String>> droopElectedByStage = new LinkedHashMap<>();
        List<String> droopDefeated = new ArrayList<>();
        Set<String> seenElected = new HashSet<>();
        for (Step s : steps) {
            if (s.action().equals("elect")) {
                for (String e : s.in("e", "E")) if (seenElected.add(e)) droopElectedByStage.computeIfAbsent(s.round(), k -> new HashSet<>()).add(e);
            }
            if (s.action().equals("defeat")) droopDefeated.add(newly(s, steps, "D"));
        }
        // our "last vacancies filled" round belongs to the stage before it, where Droop elects them
        Map<Integer, Set<String>> ourByRound = new LinkedHashMap<>();
        for (Round round : report.rounds()) {
            if (round.elected().isEmpty()) continue;
            int stage = round.action().startsWith("last vacancies filled") ? round.number() - 1 : round.number();
            ourByRound.computeIfAbsent(stage, k -> new HashSet<>()).addAll(round.elected());
        }
        List<Set<String>> ourElectedByStage = new ArrayList<>(new java.util.TreeMap<>(ourByRound).values());
        BigDecimal toExhausted = BigDecimal.ZERO;
        int compared = 0;
        for (Round round : report.rounds()) {
            if (round.action().startsWith("last vacancies filled")) {
                Round before = report.round(round.number() - 1);
                for (Tally t : round.tallies()) assertThat(t.votes()).as("votes unchanged when the last vacancies are filled").isEqualTo(before.votesOf(t.candidate()));
                continue;
            }
            Step step = after.get(compared);
            String at = "Droop round " + step.round() + " / our round " + round.number() + ": ";
            assertThat(round.action()).as(at + "action").startsWith(actions.get(compared));
            compared++;
            assertThat(round.quota()).as(at + "quota").isEqualTo(step.totals().get(0));
            for (Tally t : round.tallies()) assertThat(t.votes()).as(at + "votes of " + t.candidate()).isEqualTo(step.vote().get(t.candidate()));
            for (Transfer t : round.transfers()) if (t.to().equals("exhausted")) toExhausted = toExhausted.add(new BigDecimal(t.votes()));
            assertThat(toExhausted).as(at + "non-transferable").isEqualByComparingTo(step.totals().get(1));
        }
        assertThat(compared).as("stages compared").isEqualTo(after.size());
        assertThat(ourElectedByStage).as("candidates elected, stage by stage").containsExactlyElementsOf(droopElectedByStage.values());
        List<String> ourDefeated = new ArrayList<>();
        for (Round r : report.rounds()) ourDefeated.addAll(r.eliminated());
        assertThat(ourDefeated).as("order of exclusion").containsExactlyElementsOf(droopDefeated);
    }

    /** The candidate whose state becomes {@code state} at {@code step} (compared with the line before it). */
    private static String newly(Step step, List<Step> steps, String state) {
        Step before = steps.get(steps.indexOf(step) - 1);
        for (String name : step.state().keySet()) {
            if (step.state().get(name).equals(state) && !before.state().get(name).equals(state)) return name;
        }
        throw new AssertionError("no candidate becomes " + state + " at Droop round " + step.round() + " " + step.action());
    }

    /**
     * Brian Wichmann's validation files (M135) end with free text after the BLT's last quoted
     * field: a summary of first preferences and the quota, which is no part of the format and
     * which our reader refuses. The count reads the file up to its last quoted line.
     */
    private static String upToTheLastQuotedLine(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && !lines.getLast().trim().startsWith("\"")) lines.removeLast();
        return String.join("\n", lines) + "\n";
    }

    private static List<Step> parse(List<String> lines, boolean meek) {
        int perCandidate = meek ? 4 : 3;
        int totals = meek ? 4 : 2;
        List<Step> steps = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 2 + totals + perCandidate) continue; // "log" and "round" lines carry text only
            List<String> summary = List.of(f).subList(2, 2 + totals);
            Map<String, String> state = new LinkedHashMap<>(), vote = new LinkedHashMap<>(), keep = new LinkedHashMap<>();
            for (int i = 2 + totals; i + perCandidate <= f.length; i += perCandidate) {
                state.put(f[i], f[i + 1]);
                vote.put(f[i], f[i + 2]);
                if (meek) keep.put(f[i], f[i + 3]);
            }
            steps.add(new Step(f[0], f[1], summary, state, vote, keep));
        }
        return steps;
    }
}
