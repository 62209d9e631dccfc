package org.smolny.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.smolny.app.config.ConfigException;
import org.smolny.app.config.SmolnyConfig;
import org.smolny.app.serve.RecordKeys;
import org.smolny.app.serve.RecordServer;
import org.smolny.app.serve.ServeCommand;
import org.smolny.app.serve.ServerOptions;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.RecordStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code smolny demo}: creates the demo organisation's record on first start, then serves it until stopped. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Serves a demo national union (5 regions, 40 branches, 5,000 members, elections, a recall, an appeal, "
                + "the pay register) on http://127.0.0.1:8080: the council's pages and API, and its public record with signed "
                + "checkpoints cosigned by two witnesses, a secret-ballot referendum, and four sign-in accounts (printed at start). The first start builds the union under the data folder (a few seconds); "
                + "later starts serve it as it is.",
                "Stops on Ctrl-C; nothing is lost."})
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ServerOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SmolnyConfig config;
        try {
            config = configuration(spec, options);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("smolny demo: " + e.getMessage());
            return 1;
        }
        RecordServer server;
        try {
            server = start(config);
        } catch (IllegalStateException | IllegalArgumentException | RecordStoreException | UncheckedIOException | IOException e) {
            spec.commandLine().getErr().println("smolny demo: " + e.getMessage());
            return 1;
        }
        List<String> credentials;
        try {
            credentials = DemoElection.ensure(config.dataDirectory());
        } catch (IOException | RuntimeException e) {
            server.close();
            spec.commandLine().getErr().println("smolny demo: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("The demo referendum (a secret ballot): vote at " + server.url() + "ballot/"
                + DemoElection.ID + " with one of these demo credentials: " + String.join(", ", credentials.subList(0, 3))
                + " (all " + credentials.size() + " are in " + DemoElection.directory(config.dataDirectory())
                .resolve(DemoElection.CREDENTIALS_FILE) + "; DEMO ONLY).");
        spec.commandLine().getOut().println("The demo union: " + server.url() + "council/statutes (statutes), " + server.url()
                + "record (its public record), " + server.url() + "api/openapi.json (the API).");
        try {
            List<DemoAccounts.Account> accounts = DemoAccounts.read(config.dataDirectory());
            spec.commandLine().getOut().println("Sign in at " + server.url() + "council/sign-in with a demo account (DEMO ONLY; listed in "
                    + config.dataDirectory().resolve(DemoAccounts.FILE) + "):");
            accounts.forEach(account -> spec.commandLine().getOut().println("  " + account.login() + " / " + account.password()
                    + "  (" + account.who() + ")"));
        } catch (IOException | IllegalStateException e) {
            spec.commandLine().getErr().println("smolny demo: the demo accounts cannot be read: " + e.getMessage());
        }
        return ServeCommand.runUntilStopped(spec, server, config);
    }

    static SmolnyConfig configuration(CommandLine.Model.CommandSpec spec, ServerOptions options) {
        SmolnyConfig config = options.configuration(spec);
        return config.withOrganisation(DemoSeeder.NAME);
    }

    /** Writes what is missing of the demo record under the configured data folder, then serves it. */
    public static RecordServer start(SmolnyConfig config) throws IOException, InterruptedException {
        return start(config, new DemoSeeder(config.dataDirectory()));
    }

    /**
     * Writes what is missing of the demo record with {@code seeder} and the demo election ({@link DemoElection}, made
     * once), then serves both.
     */
    public static RecordServer start(SmolnyConfig config, DemoSeeder seeder) throws IOException, InterruptedException {
        Files.createDirectories(config.dataDirectory());
        RecordStore store = RecordServer.openStore(config);
        RecordKeys keys;
        try {
            keys = seeder.seed(store);
            DemoAccounts.ensure(config.dataDirectory(), store);
            DemoElection.ensure(config.dataDirectory());
        } catch (IOException | InterruptedException | RuntimeException e) {
            store.close();
            throw e;
        }
        return RecordServer.serve(config, store, keys);
    }
}
