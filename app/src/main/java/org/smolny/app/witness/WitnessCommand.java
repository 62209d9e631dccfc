package org.smolny.app.witness;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.smolny.record.witness.Cosigner;
import org.smolny.record.witness.KnownLog;
import org.smolny.record.witness.Witness;
import org.smolny.record.witness.WitnessServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smolny witness}: runs a C2SP tlog-witness server that cosigns the checkpoints of the logs it
 * follows, after checking each is consistent with the last one it cosigned.
 */
@Command(name = "witness", mixinStandardHelpOptions = true,
        description = "Runs a witness: cosigns checkpoints of the logs it follows (C2SP tlog-witness add-checkpoint), "
                + "refusing any checkpoint inconsistent with the last one it cosigned. Creates its key on first start.",
        subcommands = {WitnessKeyCommand.class})
public final class WitnessCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "smolny-data/witness",
            description = "Data folder: key, state, evidence (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Witness key name, needed on first start only (e.g. witness.unit.example/w1).")
    String name;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8090",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--prefix", paramLabel = "PATH", defaultValue = "",
            description = "URL path before /add-checkpoint (default: none).")
    String prefix;

    @Option(names = "--log", paramLabel = "ORIGIN=KEY",
            description = "A log to follow: its origin and its verifier key, repeatable.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--logs-file", paramLabel = "FILE",
            description = "A file of logs to follow, one ORIGIN=KEY per line ('#' starts a comment).")
    Path logsFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<KnownLog> known = new ArrayList<>();
        try {
            for (String log : logs) {
                known.add(KnownLog.parse(log));
            }
            if (logsFile != null) {
                known.addAll(readLogsFile(logsFile));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Bad log: " + e.getMessage());
        }
        if (known.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give at least one log to follow with --log ORIGIN=KEY or --logs-file FILE.");
        }
        InetSocketAddress address = ListenAddress.parse(spec.commandLine(), listen);
        WitnessKeys.Loaded key;
        try {
            key = WitnessKeys.loadOrCreate(data, name);
        } catch (WitnessKeys.KeyFileException e) {
            err.println("smolny witness: " + e.getMessage());
            return 1;
        }
        Witness witness;
        try {
            witness = new Witness(new Cosigner(key.key(), Clock.systemUTC()), known, data);
        } catch (IOException | IllegalArgumentException e) {
            err.println("smolny witness: " + e.getMessage());
            return 1;
        }
        WitnessServer server;
        try {
            server = WitnessServer.start(witness, address, prefix);
        } catch (IOException e) {
            witness.close();
            err.println("smolny witness: cannot listen on " + listen + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "smolny-witness-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (key.created()) {
            out.println("Created witness key " + WitnessKeys.keyFile(data) + " (readable by its owner only).");
        }
        out.println("Witness " + key.key().name() + " listening on " + server.submissionPrefix() + "/add-checkpoint");
        out.println("Verifier key: " + key.key().verifierKey().encoded());
        for (KnownLog log : known) {
            out.println("Following " + log.origin() + (witness.latest(log.origin())
                    .map(latest -> " (latest cosigned size " + latest.size() + ")").orElse(" (nothing cosigned yet)")));
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static List<KnownLog> readLogsFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<KnownLog> known = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                known.add(KnownLog.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return known;
    }
}
