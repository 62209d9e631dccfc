package org.smolny.app.council;

import org.smolny.app.config.SmolnyConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --data} option of the council commands (a picocli mixin) and the configuration it names. Not shared between threads. */
final class DataFolderOption {

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: $SMOLNY_DATA or ./smolny-data).")
    Path data;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** The configuration for the given data folder; a SQLite data folder must already hold a record. */
    SmolnyConfig configuration() {
        return CouncilData.configuration(spec, data);
    }
}
