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
import org.smolny.record.note.NoteVerifiers;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DB-FILE|EXPORT-DIR", description = "A record database file or an export directory.")
    Path source;

    @Option(names = "--key", paramLabel = "KEY|FILE",
            description = "The log's public key (C2SP verifier key, or a file holding it). Default: keys/log.pub beside the "
                    + "database, or log.pub in the export.")
    String key;

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
        NoteVerifiers verifiers = verifierKey == null ? null : NoteVerifiers.of(LogKey.verifier(verifierKey));
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
