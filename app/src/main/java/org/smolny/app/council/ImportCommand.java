package org.smolny.app.council;

import org.smolny.app.config.SmolnyConfig;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.shell.MemberImport;
import org.smolny.record.store.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;

/** {@code smolny import}: imports data into the organisation through its council. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports data into the organisation.",
        subcommands = {ImportCommand.Members.class})
public final class ImportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: members");
    }

    /** {@code smolny import members <file.csv>}. */
    @Command(name = "members", mixinStandardHelpOptions = true,
            description = {"Admits members from a CSV file, one admission per row through the council.",
                    "Header: unit,name,email,phone,vote (and optionally member). unit is a unit's name or id; vote is the unit's "
                            + "admission vote as entitled/present/for/against/abstentions.",
                    "A bad or refused row is reported with its line and skipped; nothing is written for it.",
                    "Exit 0 when every row was admitted, 1 when some were not (or the file is unusable)."})
    static final class Members implements Callable<Integer> {

        @Parameters(paramLabel = "FILE.csv", description = "The members, UTF-8 CSV with a header line.")
        Path file;

        @CommandLine.Mixin
        DataFolderOption dataFolder;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("smolny import members: there is no file " + file);
                return 1;
            }
            try {
                SmolnyConfig config = dataFolder.configuration();
                try (RecordStore store = CouncilData.open(config);
                     BufferedReader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    CouncilService council = CouncilService.open(store, InstantSource.system());
                    MemberImport.Report report = new MemberImport(council).run(csv);
                    for (MemberImport.RowError error : report.errors()) {
                        err.println(file.getFileName() + ": " + error);
                    }
                    out.println("Admitted " + report.admitted() + " members; " + report.errors().size() + " rows skipped.");
                    return report.errors().isEmpty() ? 0 : 1;
                }
            } catch (MemberImport.BadHeader e) {
                err.println("smolny import members: " + file.getFileName() + ": " + e.getMessage() + "; nothing was imported");
                return 1;
            } catch (IOException | RuntimeException e) {
                err.println("smolny import members: " + e.getMessage());
                return 1;
            }
        }
    }
}
