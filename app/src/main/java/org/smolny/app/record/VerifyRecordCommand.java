package org.smolny.app.record;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smolny.record.LogKey;
import org.smolny.record.audit.AuditReport;
import org.smolny.record.audit.DatabaseAudit;
import org.smolny.record.audit.ExportAudit;
import org.smolny.record.audit.Problem;
import org.smolny.record.audit.TrustedKeys;
import org.smolny.record.note.VerifierKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smolny record verify}: recomputes a record database or export from scratch. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recomputes a record from scratch, from a SQLite database file or a tlog-tiles export directory: "
                + "every entry, every hash and tile, every checkpoint's signature and root. Exit 0 when valid, 1 when not "
                + "(naming the first bad entry and what is wrong), 2 on usage errors.")
public final class VerifyRecordCommand implements Callable<Integer> {

    /** File of the witnesses' public keys, one a line (in the data folder's keys/, and in an export). */
    static final String WITNESSES_FILE = "witnesses.pub";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DB-FILE|EXPORT-DIR", description = "A record database file or an export directory.")
    Path source;

    @Option(names = "--key", paramLabel = "KEY|FILE",
            description = "The log's public key (C2SP verifier key, or a file holding it). Default: keys/log.pub beside the "
                    + "database, or log.pub in the export.")
    String key;

    @Option(names = "--witness-key", paramLabel = "KEY|FILE",
            description = "A witness's public key (or a file of them, one a line), whose cosignatures are verified and "
                    + "counted. Repeatable. Default: keys/witnesses.pub beside the database, or witnesses.pub in the export.")
    java.util.List<String> witnessKeys = new java.util.ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Threads for an export (default: the number of processors).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(source)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No database file or export directory at " + source);
        }
        boolean export = Files.isDirectory(source);
        PrintWriter out = spec.commandLine().getOut();
        VerifierKey verifierKey = verifierKey(export);
        TrustedKeys verifiers = verifierKey == null ? TrustedKeys.none() : new TrustedKeys(verifierKey, witnessKeys(export));
        long started = System.nanoTime();
        AuditReport report = export
                ? ExportAudit.audit(source, verifiers, threads != null ? threads : Runtime.getRuntime().availableProcessors())
                : DatabaseAudit.auditSqlite(source, verifiers);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (verifierKey != null) {
            out.println("log key: " + verifierKey.encoded());
        }
        report.notes().forEach(note -> out.println("note: " + note));
        out.printf("%s: %d entries, %d checkpoint(s), root %s, checked in %.2f s%n", source, report.entries(),
                report.checkpoints(), report.root(), seconds);
        if (report.valid()) {
            out.println("VALID");
            return 0;
        }
        report.firstBadEntry().ifPresent(index -> out.println("first bad entry: " + index));
        for (Problem problem : report.problems()) {
            out.println("  " + problem);
        }
        out.println("INVALID");
        return 1;
    }

    private java.util.List<VerifierKey> witnessKeys(boolean export) throws java.io.IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        java.util.List<String> sources = new java.util.ArrayList<>(witnessKeys);
        if (sources.isEmpty()) {
            Path parent = source.toAbsolutePath().getParent();
            Path file = export ? source.resolve(WITNESSES_FILE)
                    : (parent == null ? null : parent.resolve(LogKey.FOLDER).resolve(WITNESSES_FILE));
            if (file != null && Files.isRegularFile(file)) {
                sources.add(file.toString());
            }
        }
        for (String value : sources) {
            if (Files.isRegularFile(Path.of(value))) {
                lines.addAll(Files.readAllLines(Path.of(value)));
            } else {
                lines.add(value);
            }
        }
        java.util.List<VerifierKey> keys = new java.util.ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            try {
                VerifierKey witness = VerifierKey.parse(text);
                if (witness.type() != org.smolny.record.note.KeyType.COSIGNATURE_V1) {
                    throw new IllegalArgumentException("'" + witness.name() + "' is not a witness (cosignature/v1) key");
                }
                keys.add(witness);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a witness public key: " + e.getMessage());
            }
        }
        return keys;
    }

    private VerifierKey verifierKey(boolean export) throws java.io.IOException {
        if (key != null) {
            String text = Files.isRegularFile(Path.of(key)) ? Files.readString(Path.of(key)).strip() : key.strip();
            try {
                return VerifierKey.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--key is not a log public key: " + e.getMessage());
            }
        }
        Path parent = source.toAbsolutePath().getParent();
        Path file = export ? source.resolve(LogKey.PUBLIC_FILE) : (parent == null ? null : LogKey.publicFile(parent));
        if (file != null && Files.isRegularFile(file)) {
            spec.commandLine().getOut().println("note: trusting the log key in " + file
                    + "; give --key with a key obtained elsewhere to rule out a replaced key");
            return LogKey.readPublic(file);
        }
        return null;
    }
}
