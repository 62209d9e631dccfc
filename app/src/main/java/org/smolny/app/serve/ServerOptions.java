package org.smolny.app.serve;

import java.nio.file.Path;
import org.smolny.app.config.SmolnyConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code smolny serve} and {@code smolny demo} share (a picocli mixin): the data folder and where to listen. */
public final class ServerOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: $SMOLNY_DATA or ./smolny-data).")
    Path data;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Where to listen (default: server.listen, 127.0.0.1:8080).")
    String listen;

    /** The configuration with these options applied; a malformed {@code --listen} is a usage error. */
    public SmolnyConfig configuration(CommandLine.Model.CommandSpec spec) {
        return ServeCommand.configuration(spec, data, listen);
    }
}
