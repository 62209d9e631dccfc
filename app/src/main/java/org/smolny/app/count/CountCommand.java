package org.smolny.app.count;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smolny.count.Counting;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.format.BallotFileException;
import org.smolny.count.format.BallotFormat;
import org.smolny.count.format.Cdf;
import org.smolny.count.method.CountException;
import org.smolny.count.method.CountOptions;
import org.smolny.count.report.CountReport;
import org.smolny.count.report.ReportJson;
import org.smolny.count.report.ReportText;
import org.smolny.count.rules.DuplicateRule;
import org.smolny.count.rules.OvervoteRule;
import org.smolny.count.rules.ProblemRules;
import org.smolny.count.rules.UnknownCandidateRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smolny count FILE --method M [--seats N] [--json]}: counts a ballot file and prints the
 * elected candidates and every round. Exit 0 when counted, 1 when the file or the count is invalid
 * (the message names the line), 2 on a usage error.
 */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = "Count a ballot file (BLT, RCTab CDF JSON CVR, or CSV) and print the elected candidates and every round.")
public final class CountCommand implements Callable<Integer> {
    /** Problem-ballot option values as the CLI spells them. */
    enum Overvote { exhaust, skip }

    enum Duplicate { skip, exhaust }

    enum Unknown { skip, reject }

    enum Format { blt, cdf, csv }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the ballot file")
    Path file;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "plurality, block, approval, irv, stv-scottish, stv-meek, stv-wigm or schulze")
    String method;

    @Option(names = "--seats", paramLabel = "N", description = "seats to fill (default: what the file says, else 1)")
    Integer seats;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", description = "blt, cdf or csv (default: from the file name: .blt, .json, .csv)")
    Format format;

    @Option(names = "--contest", paramLabel = "ID", description = "for a CDF file with several contests: the contest's @id or Name (default: the first)")
    String contest;

    @Option(names = "--overvote", paramLabel = "RULE", defaultValue = "exhaust", description = "exhaust (default) or skip: what a ranked count does at an overvoted rank")
    Overvote overvote;

    @Option(names = "--max-skipped-ranks", paramLabel = "N", defaultValue = "-1", description = "consecutive skipped ranks allowed before a ballot is exhausted (-1: unlimited, the default)")
    int maxSkippedRanks;

    @Option(names = "--duplicate", paramLabel = "RULE", defaultValue = "skip", description = "skip (default) or exhaust: what to do when a candidate is ranked twice")
    Duplicate duplicate;

    @Option(names = "--unknown", paramLabel = "RULE", defaultValue = "skip", description = "skip (default: treat as a skipped rank) or reject (set the ballot aside): marks for undeclared candidates")
    Unknown unknown;

    @Option(names = "--lot-seed", paramLabel = "SEED", defaultValue = "", description = "published seed from which the lot order is derived (SHA-256)")
    String lotSeed;

    @Option(names = "--lot-order", paramLabel = "NAMES", split = ",", description = "the lot order as data: every candidate once, the lot winner first (Schulze's tie-breaking ranking)")
    List<String> lotOrder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Counting.methodNames().contains(method)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown --method '" + method + "'; choose one of " + String.join(", ", Counting.methodNames()));
        }
        if (seats != null && seats < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--seats must be at least 1");
        if (maxSkippedRanks < -1) throw new CommandLine.ParameterException(spec.commandLine(), "--max-skipped-ranks must be -1 or more");
        BallotFormat chosen;
        try {
            chosen = format != null ? BallotFormat.valueOf(format.name().toUpperCase()) : BallotFormat.ofFileName(file);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (contest != null && chosen != BallotFormat.CDF) throw new CommandLine.ParameterException(spec.commandLine(), "--contest applies to CDF files only");
            BallotBox box = contest != null ? Cdf.read(text, contest) : chosen.read(text);
            int n = seats != null ? seats : box.seats() > 0 ? box.seats() : 1;
            ProblemRules rules = new ProblemRules(
                    overvote == Overvote.exhaust ? OvervoteRule.EXHAUST_IMMEDIATELY : OvervoteRule.SKIP_TO_NEXT_RANK,
                    maxSkippedRanks,
                    duplicate == Duplicate.skip ? DuplicateRule.SKIP_DUPLICATE : DuplicateRule.EXHAUST_ON_DUPLICATE,
                    unknown == Unknown.skip ? UnknownCandidateRule.TREAT_AS_SKIPPED : UnknownCandidateRule.REJECT_BALLOT);
            CountOptions options = new CountOptions(n, rules, lotSeed, lotOrder == null ? List.of() : lotOrder);
            CountReport report = Counting.count(method, box, options);
            out.print(json ? ReportJson.write(report) : ReportText.write(report));
            out.flush();
            return 0;
        } catch (BallotFileException e) {
            err.println("smolny count: " + file + (e.line() > 0 ? ":" + e.line() : "") + ": " + stripLine(e.getMessage()));
        } catch (CountException e) {
            err.println("smolny count: " + file + ": cannot count: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("smolny count: " + file + ": no such file");
        } catch (MalformedInputException e) {
            err.println("smolny count: " + file + ": not UTF-8 text");
        } catch (IOException e) {
            err.println("smolny count: " + file + ": cannot read: " + e.getMessage());
        }
        err.flush();
        return 1;
    }

    private static String stripLine(String message) {
        return message.replaceFirst("^line \\d+: ", "");
    }
}
