package org.smolny.app.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smolny.ballot.tally.TrackingCode;
import org.smolny.verify.election.ElectionVerifier;
import org.smolny.verify.election.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smolny verify …}: independent verification of published records. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Independently verify a published election record.",
        subcommands = {VerifyCommand.Election.class})
public final class VerifyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: see 'smolny verify help'.");
    }

    /**
     * {@code smolny verify election DIR}: runs every numbered check of ballot spec §11 and prints each with ok or FAIL
     * and every failure. Exit 0 only if every check passes, 1 otherwise, 2 on a usage error.
     */
    @Command(name = "election", mixinStandardHelpOptions = true,
            description = "Run the numbered checks of docs/spec/ballot.md §11 on an election record directory. Exit 0 only if every check passes.")
    static final class Election implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "the election record directory")
        Path dir;

        @Option(names = "--receipt", paramLabel = "CODE", description = "a voter's tracking code (hex) that must be on the board; repeatable")
        List<String> receipts = new ArrayList<>();

        @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "worker threads (default 2)")
        int threads;

        @Option(names = "--one-at-a-time", description = "check each proof equation on its own instead of in batches (slower; same checks)")
        boolean oneAtATime;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                spec.commandLine().getErr().println("error: " + dir + " is not a directory");
                return 1;
            }
            List<TrackingCode> codes = new ArrayList<>();
            for (String r : receipts) {
                try {
                    codes.add(TrackingCode.ofHex(r.trim().toLowerCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("error: --receipt " + r + ": " + e.getMessage());
                    return 1;
                }
            }
            if (threads < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
            }
            VerificationReport report = ElectionVerifier.verify(dir, new ElectionVerifier.Options(
                    oneAtATime ? ElectionVerifier.Mode.ONE_AT_A_TIME : ElectionVerifier.Mode.BATCH, threads, 16_384,
                    codes));
            spec.commandLine().getOut().print(report.render());
            spec.commandLine().getOut().flush();
            return report.valid() ? 0 : 1;
        }
    }
}
