package org.smolny.app.council;

import org.smolny.app.config.SmolnyConfig;
import org.smolny.app.serve.RecordServer;
import org.smolny.app.serve.ServeCommand;
import org.smolny.record.store.RecordStore;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the record of the configured data folder for the council commands. Stateless. */
final class CouncilData {

    private CouncilData() {
    }

    /** The configuration for {@code --data}; a SQLite data folder must already hold a record. */
    static SmolnyConfig configuration(CommandLine.Model.CommandSpec spec, Path data) {
        SmolnyConfig config = ServeCommand.configuration(spec, data, null);
        Path database = RecordServer.database(config.dataDirectory());
        if (config.database().isSqlite() && !Files.isRegularFile(database)) {
            throw new IllegalStateException("there is no record at " + database.toAbsolutePath()
                    + " (run 'smolny demo', or give the data folder with --data)");
        }
        return config;
    }

    static RecordStore open(SmolnyConfig config) {
        return RecordServer.openStore(config);
    }
}
