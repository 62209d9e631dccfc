package org.smolny.app.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smolny.ballot.tally.TrackingCode;
import org.smolny.record.LogKey;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.VerifierKey;
import org.smolny.record.tiles.TilePaths;
import org.smolny.verify.election.ElectionVerifier;
import org.smolny.verify.election.RecordAnchor;
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
     * {@code smolny verify election DIR [--record EXPORT]}: runs every numbered check of ballot spec §11 and prints each
     * with ok, FAIL or "--" (not run) and every failure; with the public record's export, also checks 22–27 (§11.7).
     * Exit 0 only if every check run passes, 1 otherwise, 2 on a usage error.
     */
    @Command(name = "election", mixinStandardHelpOptions = true,
            description = "Run the numbered checks of docs/spec/ballot.md §11 on an election record directory; with the "
                    + "public record's tlog-tiles export (--record, or DIR/record/), also checks 22-27: the board is the "
                    + "election's ballot entries on the record, in order, under a checkpoint signed by the log key. "
                    + "Exit 0 only if every check run passes, 1 if one fails, 2 on a usage error.")
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

        @Option(names = "--record", paramLabel = "EXPORT-DIR",
                description = "the public record's tlog-tiles export (smolny record export), for checks 22-27. "
                        + "Default: DIR/record if it holds a checkpoint; without one, checks 22-27 are not run")
        Path record;

        @Option(names = "--log-key", paramLabel = "KEY|FILE",
                description = "the log's public key (C2SP verifier key, or a file holding it). Default: log.pub in the export "
                        + "(the output says so: only a key obtained elsewhere rules out a replaced key)")
        String logKey;

        @Option(names = "--witness-key", paramLabel = "KEY|FILE",
                description = "a witness's public key, or a file of them one a line; repeatable. Check 23 needs the "
                        + "checkpoint cosigned by --witness-threshold of them")
        List<String> witnessKeys = new ArrayList<>();

        @Option(names = "--witness-threshold", paramLabel = "K",
                description = "how many of the witnesses must have cosigned (default: all given)")
        Integer witnessThreshold;

        @Option(names = "--election", paramLabel = "ID",
                description = "the election's id on the record (body.election of its ballot entries). Default: the "
                        + "manifest's electionId")
        String election;

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
            RecordAnchor anchor = anchor();
            ElectionVerifier.Options options = new ElectionVerifier.Options(
                    oneAtATime ? ElectionVerifier.Mode.ONE_AT_A_TIME : ElectionVerifier.Mode.BATCH, threads, 16_384,
                    codes);
            VerificationReport report = anchor == null ? ElectionVerifier.verify(dir, options)
                    : ElectionVerifier.verify(dir, options, anchor);
            spec.commandLine().getOut().print(report.render());
            spec.commandLine().getOut().flush();
            return report.valid() ? 0 : 1;
        }

        /** The record export and keys for checks 22–27, or null when there is no export; usage errors are exit 2. */
        private RecordAnchor anchor() {
            CommandLine commandLine = spec.commandLine();
            Path export = record;
            if (export == null && Files.isRegularFile(dir.resolve(DEFAULT_RECORD).resolve(TilePaths.CHECKPOINT))) {
                export = dir.resolve(DEFAULT_RECORD);
                commandLine.getOut().println("note: checking the board against the record export in " + export);
            }
            if (export == null) {
                if (logKey != null || !witnessKeys.isEmpty() || witnessThreshold != null || election != null) {
                    throw new CommandLine.ParameterException(commandLine, "--log-key, --witness-key, --witness-threshold "
                            + "and --election need the record's export: give --record EXPORT-DIR");
                }
                return null;
            }
            if (!Files.isDirectory(export)) {
                throw new CommandLine.ParameterException(commandLine, "--record " + export + " is not a directory");
            }
            VerifierKey log = logKey(export);
            List<VerifierKey> witnesses = witnessKeys();
            int threshold = witnessThreshold != null ? witnessThreshold : witnesses.size();
            try {
                RecordAnchor anchor = new RecordAnchor(export, log, witnesses, threshold, java.util.Optional.empty());
                return election == null ? anchor : anchor.forElection(election);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, e.getMessage());
            }
        }

        private VerifierKey logKey(Path export) {
            CommandLine commandLine = spec.commandLine();
            try {
                if (logKey != null) {
                    VerifierKey key = VerifierKey.parse(keyText(logKey).strip());
                    if (key.type() != KeyType.ED25519) {
                        throw new IllegalArgumentException("'" + key.name() + "' is not an Ed25519 log key");
                    }
                    return key;
                }
                Path file = export.resolve(LogKey.PUBLIC_FILE);
                if (!Files.isRegularFile(file)) {
                    throw new CommandLine.ParameterException(commandLine, "the export " + export + " holds no "
                            + LogKey.PUBLIC_FILE + ": give the log's public key with --log-key");
                }
                commandLine.getOut().println("note: trusting the log key in " + file
                        + "; give --log-key with a key obtained elsewhere to rule out a replaced key");
                return LogKey.readPublic(file);
            } catch (IllegalArgumentException | java.io.IOException e) {
                throw new CommandLine.ParameterException(commandLine, "--log-key is not a log public key: " + e.getMessage());
            }
        }

        private List<VerifierKey> witnessKeys() {
            List<VerifierKey> keys = new ArrayList<>();
            for (String value : witnessKeys) {
                for (String line : keyText(value).split("\n")) {
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    try {
                        keys.add(VerifierKey.parse(text));
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "--witness-key " + value
                                + " is not a witness public key: " + e.getMessage());
                    }
                }
            }
            return keys;
        }

        /** The value itself, or the content of the file it names. */
        private String keyText(String value) {
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                return value;
            }
            try {
                return Files.readString(file);
            } catch (java.io.IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    /** The folder of an election record directory that may hold the record's export. */
    static final String DEFAULT_RECORD = "record";
}
