package org.smolny.app.council;

import org.smolny.app.config.SmolnyConfig;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.shell.Rebuild;
import org.smolny.record.store.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.concurrent.Callable;

/** {@code smolny rebuild [--check]}: rebuilds the council's query tables from the record, or checks them against it. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Rebuilds every council query table from the public record.",
                "With --check, rebuilds them into a fresh schema and compares them with the live tables instead: "
                        + "exit 0 when identical, 1 naming the first difference."})
public final class RebuildCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DataFolderOption dataFolder;

    @Option(names = "--check", description = "Compare only; change nothing.")
    boolean check;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SmolnyConfig config;
        try {
            config = dataFolder.configuration();
        } catch (IllegalStateException e) {
            err.println("smolny rebuild: " + e.getMessage());
            return 1;
        }
        try (RecordStore store = CouncilData.open(config)) {
            if (!check) {
                long entries = Rebuild.inPlace(store);
                CouncilService.open(store, InstantSource.system());
                out.println("Rebuilt the council's query tables from " + entries + " record entries.");
                return 0;
            }
            Rebuild.Report report = Rebuild.check(store, config.dataDirectory().resolve("tmp"));
            return switch (report) {
                case Rebuild.Identical identical -> {
                    out.println("Identical: the query tables are exactly what the record's " + identical.entries() + " entries produce.");
                    identical.rows().forEach((table, rows) -> out.println("  " + table + ": " + rows + " rows"));
                    yield 0;
                }
                case Rebuild.Different different -> {
                    out.println("DIFFERENT: " + different.difference());
                    out.println("Run 'smolny rebuild' (without --check) to rebuild the tables from the record.");
                    yield 1;
                }
            };
        } catch (RuntimeException e) {
            err.println("smolny rebuild: " + e.getMessage());
            return 1;
        }
    }
}
