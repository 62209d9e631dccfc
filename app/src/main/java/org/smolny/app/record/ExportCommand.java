package org.smolny.app.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.smolny.record.LogKey;
import org.smolny.record.store.RecordStore;
import org.smolny.record.tiles.TileExporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code smolny record export DIR}: writes the record as C2SP tlog-tiles static files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the record up to its latest signed checkpoint to DIR in the C2SP tlog-tiles layout "
                + "(checkpoint, tile/<L>/<N>, tile/entries/<N>), with earlier checkpoints in checkpoints/<size> and the "
                + "public keys of the log and its witnesses (log.pub, witnesses.pub), so it can be mirrored as static files and verified anywhere.")
public final class ExportCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "DIR", description = "Export directory (created if needed).")
    Path directory;

    @Override
    public Integer call() throws Exception {
        try (RecordStore store = database.openExisting(spec.commandLine())) {
            TileExporter.Result result = TileExporter.export(store, directory);
            Path publicKey = LogKey.publicFile(database.dataFolder());
            if (Files.isRegularFile(publicKey)) {
                Files.copy(publicKey, directory.resolve(LogKey.PUBLIC_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
            Path witnessKeys = publicKey.resolveSibling(VerifyRecordCommand.WITNESSES_FILE);
            if (Files.isRegularFile(witnessKeys)) {
                Files.copy(witnessKeys, directory.resolve(VerifyRecordCommand.WITNESSES_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
            spec.commandLine().getOut().println("Exported " + result.size() + " entries (root " + result.root() + ") to "
                    + directory + " in " + result.files() + " files.");
            return 0;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("smolny record export: " + e.getMessage());
            return 1;
        }
    }
}
