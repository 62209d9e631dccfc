package org.smolny.app.record;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code smolny record}: the public record (append, show, prove, checkpoint, export, verify). */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "The public, tamper-evident record: append entries, show them, prove inclusion and consistency, "
                + "sign checkpoints, export as C2SP tlog-tiles, verify a database or an export from scratch.",
        subcommands = {AppendCommand.class, ShowCommand.class, ProveCommand.class, CheckpointCommand.class,
                ExportCommand.class, VerifyRecordCommand.class})
public final class RecordCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: append, show, prove, checkpoint, export or verify (see 'smolny record --help').");
    }
}
