package org.smolny.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.Cdf;
import org.smolny.count.internal.Json;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.Round;
import org.smolny.count.report.Tally;
import org.smolny.count.report.Transfer;
import org.smolny.count.rules.DuplicateRule;
import org.smolny.count.rules.ExhaustReason;
import org.smolny.count.rules.OvervoteRule;
import org.smolny.count.rules.ProblemRules;

/**
 * RCTab's own regression cases ({@code golden/rctab-*}): RCTab's contest configuration and cast
 * vote records go in, and every round of RCTab's published expected summary must come out of our
 * count: each continuing candidate's tally, the threshold, who is eliminated or elected, the votes
 * each elimination transfers (to candidates and to exhausted), and the ballots no longer counting
 * (RCTab's "inactive ballots": overvotes, skipped rankings, repeated rankings, exhausted choices)
 * in every round, by category.
 */
class RctabGoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> every_rctab_case_counts_round_by_round_as_rctab_published() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(GOLDEN)) {
            cases = s.filter(d -> d.getFileName().toString().startsWith("rctab-")).sorted().toList();
        }
        assertThat(cases).as("RCTab cases under " + GOLDEN).hasSizeGreaterThanOrEqualTo(5);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    /** What an RCTab configuration asks for, in our rules' terms. */
    private record Mapped(String method, CountOptions options, Set<String> excluded, boolean previousRoundsBreakTies) { }

    private static void check(Path dir) throws IOException {
        String stem = dir.getFileName().toString().substring("rctab-".length());
        assertThat(dir.resolve("README.md")).as("README beside " + dir).exists();
        Json.Obj config = (Json.Obj) Json.parse(Files.readString(dir.resolve(stem + "_config.json")));
        Json.Obj summary = (Json.Obj) Json.parse(Files.readString(dir.resolve(stem + "_expected_summary.json")));

        Json.Obj source = (Json.Obj) ((Json.Arr) config.get("cvrFileSources")).items().getFirst();
        assertThat(text(source, "provider").toLowerCase(Locale.ROOT)).as("CVR provider").isEqualTo("cdf");
        String contestId = source.get("contestId") instanceof Json.Str s && !s.value().isEmpty() ? s.value() : null;
        BallotBox box = Cdf.read(Files.readString(dir.resolve(text(source, "filePath"))), contestId);

        Mapped mapped = map(config, box);
        BallotBox counted = mapped.excluded().isEmpty() ? box : withdraw(box, mapped.excluded());
        CountReport report = Counting.count(mapped.method(), counted, mapped.options());

        List<Json.Value> rounds = ((Json.Arr) summary.get("results")).items();
        assertThat(report.rounds()).as("number of rounds").hasSize(rounds.size());
        List<String> winners = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            Json.Obj expected = (Json.Obj) rounds.get(r);
            Round round = report.rounds().get(r);
            String at = "round " + (r + 1) + ": ";
            assertThat(((Json.Num) expected.get("round")).value().intValueExact()).isEqualTo(r + 1);

            Map<String, BigDecimal> tally = numbers((Json.Obj) expected.get("tally"));
            Map<String, BigDecimal> ours = new LinkedHashMap<>();
            for (Tally t : round.tallies()) if (!t.status().equals("excluded")) ours.put(t.candidate(), exact(t.votes()));
            assertThat(ours).as(at + "continuing candidates' tallies").containsExactlyInAnyOrderEntriesOf(tally);

            if (expected.get("threshold") instanceof Json.Str threshold) {
                assertThat(new BigDecimal(round.quota())).as(at + "threshold").isEqualByComparingTo(threshold.value());
            }

            List<String> elected = new ArrayList<>();
            List<String> eliminated = new ArrayList<>();
            for (Json.Value v : ((Json.Arr) expected.get("tallyResults")).items()) {
                Json.Obj result = (Json.Obj) v;
                if (result.get("elected") instanceof Json.Str e) elected.add(e.value());
                if (result.get("eliminated") instanceof Json.Str e) {
                    eliminated.add(e.value());
                    Map<String, BigDecimal> transfers = numbers((Json.Obj) result.get("transfers"));
                    Map<String, BigDecimal> ourTransfers = new LinkedHashMap<>();
                    for (Transfer t : report.round(r + 2).transfers()) {
                        if (t.from().equals(e.value())) ourTransfers.merge(t.to(), exact(t.votes()), (a, b) -> exact(a.add(b).toPlainString()));
                    }
                    assertThat(ourTransfers).as(at + "votes transferred from " + e.value() + " (in our round " + (r + 2) + ")")
                            .containsExactlyInAnyOrderEntriesOf(transfers);
                }
            }
            assertThat(round.elected()).as(at + "elected").containsExactlyElementsOf(elected);
            assertThat(round.eliminated()).as(at + "eliminated").containsExactlyElementsOf(eliminated);
            winners.addAll(elected);

            if (expected.get("inactiveBallots") instanceof Json.Obj inactive) {
                assertThat(ourInactive(report, round)).as(at + "inactive ballots by reason").containsExactlyInAnyOrderEntriesOf(rctabInactive(inactive));
            }
        }
        assertThat(report.elected()).as("winners").containsExactlyElementsOf(winners);
        if (mapped.previousRoundsBreakTies()) {
            assertThat(report.tieBreaks()).as("RCTab's random draw cannot be replayed, so no case may reach it").noneMatch(t -> t.contains("lot"));
        } else {
            assertThat(report.tieBreaks()).as("RCTab's tiebreakMode goes straight to a random draw, which cannot be replayed").isEmpty();
        }

        if (summary.get("summary") instanceof Json.Obj totals) {
            assertThat(report.problems().ballots()).as("ballots read").isEqualTo(new BigDecimal(text(totals, "totalNumBallots")).longValueExact());
            assertThat(report.problems().emptyBallots()).as("undervotes (ballots with no mark)")
                    .isEqualTo(((Json.Num) totals.get("undervotes")).value().longValueExact());
        }
    }

    /**
     * RCTab's inactive ballots of a round by category. "Exhausted choices" (split by RCTab 1.3 into
     * fully and partially ranked ballots) are the ballots that ran out of continuing preferences.
     */
    private static Map<String, BigDecimal> rctabInactive(Json.Obj inactive) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        numbers(inactive).forEach((category, votes) -> {
            String ours = switch (category) {
                case "overvotes" -> ExhaustReason.OVERVOTE.label();
                case "skippedRankings" -> ExhaustReason.SKIPPED_RANKS.label();
                case "repeatedRankings" -> ExhaustReason.DUPLICATE.label();
                case "exhaustedChoices", "exhaustedChoicesFullyRanked", "exhaustedChoicesPartiallyRanked" -> ExhaustReason.NO_MORE_PREFERENCES.label();
                default -> throw new AssertionError("unknown RCTab inactive-ballot category '" + category + "'");
            };
            out.merge(ours, votes, (a, b) -> exact(a.add(b).toPlainString()));
        });
        return out;
    }

    /**
     * Our inactive ballots of a round by the same categories: ballots a rule ended before any
     * choice counted (they never count) plus the round's exhausted votes by reason.
     */
    private static Map<String, BigDecimal> ourInactive(CountReport report, Round round) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (ExhaustReason reason : ExhaustReason.values()) out.put(reason.label(), BigDecimal.ZERO);
        out.put(ExhaustReason.OVERVOTE.label(), BigDecimal.valueOf(report.problems().neverCountedOvervote()));
        out.put(ExhaustReason.SKIPPED_RANKS.label(), BigDecimal.valueOf(report.problems().neverCountedSkippedRanks()));
        round.exhaustedBy().forEach((reason, votes) -> out.merge(reason, exact(votes), (a, b) -> exact(a.add(b).toPlainString())));
        BigDecimal byReason = out.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long setAside = report.problems().ballots() - report.problems().validBallots() - report.problems().emptyBallots();
        assertThat(byReason).as("inactive by reason adds up to the ballots set aside plus the round's exhausted votes")
                .isEqualByComparingTo(new BigDecimal(round.exhausted()).add(BigDecimal.valueOf(setAside)));
        out.replaceAll((reason, votes) -> exact(votes.toPlainString()));
        return out;
    }

    /**
     * RCTab's options to ours. Only what a single-seat RCTab count can ask for and our rules do
     * the same way is accepted; any other option fails the test with its name, so a new case
     * cannot silently be counted by different rules.
     */
    private static Mapped map(Json.Obj config, BallotBox box) {
        Json.Obj rules = (Json.Obj) config.get("rules");
        String mode = text(rules, "winnerElectionMode");
        int seats = Integer.parseInt(text(rules, "numberOfWinners"));
        assertThat(Set.of("standard", "singleSeat", "singleWinnerMajority", "Single-winner majority determines winner"))
                .as("winnerElectionMode (only RCTab's single-winner majority is our irv)").contains(mode);
        assertThat(seats).as("numberOfWinners").isEqualTo(1);
        for (String off : List.of("batchElimination", "continueUntilTwoCandidatesRemain", "doesFirstRoundDetermineThreshold",
                "hareQuota", "treatBlankAsUndeclaredWriteIn")) {
            assertThat(rules.get(off) instanceof Json.Bool b && b.value()).as(off + " has no equivalent in our irv").isFalse();
        }
        assertThat(new BigDecimal(text(rules, "minimumVoteThreshold"))).as("minimumVoteThreshold").isEqualByComparingTo("0");
        if (rules.get("stopTabulationEarlyAfterRound") instanceof Json.Str stop) assertThat(stop.value()).as("stopTabulationEarlyAfterRound").isEmpty();
        String maxRankings = text(rules, "maxRankingsAllowed");
        if (!maxRankings.equals("max")) {
            assertThat(Integer.parseInt(maxRankings)).as("maxRankingsAllowed below the number of ranks used").isGreaterThanOrEqualTo(maxRank(box));
        }

        ProblemRules problems = ProblemRules.defaults();
        problems = switch (text(rules, "overvoteRule")) {
            case "exhaustImmediately" -> problems.withOvervote(OvervoteRule.EXHAUST_IMMEDIATELY);
            case "alwaysSkipToNextRank" -> problems.withOvervote(OvervoteRule.SKIP_TO_NEXT_RANK);
            default -> throw new AssertionError("overvoteRule '" + text(rules, "overvoteRule") + "' has no equivalent in our rules");
        };
        String maxSkipped = text(rules, "maxSkippedRanksAllowed");
        problems = problems.withMaxSkippedRanks(maxSkipped.equals("unlimited") ? ProblemRules.UNLIMITED : Integer.parseInt(maxSkipped));
        boolean exhaustOnDuplicate = rules.get("exhaustOnDuplicateCandidate") instanceof Json.Bool b && b.value();
        problems = problems.withDuplicate(exhaustOnDuplicate ? DuplicateRule.EXHAUST_ON_DUPLICATE : DuplicateRule.SKIP_DUPLICATE);

        CountOptions options = CountOptions.seats(1).withRules(problems);
        List<String> configured = new ArrayList<>();
        Set<String> excluded = new HashSet<>();
        for (Json.Value v : ((Json.Arr) config.get("candidates")).items()) {
            Json.Obj c = (Json.Obj) v;
            configured.add(text(c, "name"));
            if (c.get("excluded") instanceof Json.Bool b && b.value()) excluded.add(text(c, "name"));
        }
        if (!configured.isEmpty()) assertThat(box.candidates()).as("candidates in the CVR and in the config").containsExactlyInAnyOrderElementsOf(configured);
        String tiebreak = text(rules, "tiebreakMode").toLowerCase(Locale.ROOT);
        boolean previousRounds = switch (tiebreak) {
            // a draw (or the operator's choice) at once: only cases without any tie can be compared
            case "random", "interactive", "stopcountingandask" -> false;
            // previous round counts, then a draw: our irv's rule; the draw must never be reached (checked after the count)
            case "previousroundcountsthenrandom" -> true;
            default -> throw new AssertionError("tiebreakMode '" + tiebreak + "' has no equivalent in our rules");
        };
        return new Mapped("irv", options, excluded, previousRounds);
    }

    private static BallotBox withdraw(BallotBox box, Set<String> names) {
        Set<Integer> withdrawn = new HashSet<>(box.withdrawn());
        for (String name : names) withdrawn.add(box.candidateIndex(name));
        return new BallotBox(box.title(), box.candidates(), withdrawn, box.seats(), box.ballots());
    }

    private static int maxRank(BallotBox box) {
        int max = 0;
        for (var b : box.ballots()) max = Math.max(max, b.rankCount());
        return max;
    }

    private static Map<String, BigDecimal> numbers(Json.Obj obj) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        obj.members().forEach((k, v) -> out.put(k, exact(v instanceof Json.Str s ? s.value() : ((Json.Num) v).value().toPlainString())));
        return out;
    }

    /** An exact number without trailing zeros, so that "5", "5.0" and "5.00000" compare equal. */
    private static BigDecimal exact(String number) {
        BigDecimal d = new BigDecimal(number);
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    private static String text(Json.Obj obj, String key) {
        Json.Value v = obj.get(key);
        if (v instanceof Json.Str s) return s.value();
        throw new AssertionError("expected a string at \"" + key + "\", found " + v);
    }
}
