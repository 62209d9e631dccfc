package org.smolny.app.serve;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smolny.app.config.ConfigException;
import org.smolny.app.config.ListenAddress;
import org.smolny.app.config.SmolnyConfig;
import org.smolny.record.store.RecordStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code smolny serve}: serves the record of a data folder on HTTP until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the organisation's public record: pages in English and French, a JSON API (/api/openapi.json), "
                + "Prometheus metrics (/metrics). Stops on Ctrl-C.",
                "Configuration: smolny.toml beside the data folder, SMOLNY_* environment variables, then these options."})
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ServerOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SmolnyConfig config;
        try {
            config = options.configuration(spec);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("smolny serve: " + e.getMessage());
            return 1;
        }
        RecordServer server;
        try {
            server = RecordServer.start(config);
        } catch (IllegalStateException | IllegalArgumentException | RecordStoreException | java.io.IOException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("smolny serve: " + e.getMessage());
            return 1;
        }
        return runUntilStopped(spec, server, config);
    }

    /** The configuration with the {@code --data} and {@code --listen} options applied; a malformed {@code --listen} is a usage error. */
    public static SmolnyConfig configuration(CommandLine.Model.CommandSpec spec, Path data, String listen) {
        SmolnyConfig config = SmolnyConfig.load(data, System.getenv());
        if (listen != null) {
            try {
                config = config.withListen(ListenAddress.parse(listen));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--listen: " + e.getMessage());
            }
        }
        return config;
    }

    /** Prints where the record is served, then waits until the process is asked to stop, and closes everything. */
    public static int runUntilStopped(CommandLine.Model.CommandSpec spec, RecordServer server, SmolnyConfig config) throws InterruptedException {
        Thread hook = new Thread(server::close, "smolny-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getOut().println("Serving the record of " + config.organisation() + " (" + server.store().size()
                + " entries in " + config.database() + ", data folder " + config.dataDirectory().toAbsolutePath() + ") on " + server.url());
        server.councilUnavailable().ifPresent(spec.commandLine().getOut()::println);
        server.electionsUnavailable().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().println("Stop with Ctrl-C.");
        spec.commandLine().getOut().flush();
        server.awaitClose();
        return 0;
    }
}
