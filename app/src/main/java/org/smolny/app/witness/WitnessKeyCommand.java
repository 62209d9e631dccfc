package org.smolny.app.witness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smolny witness key}: creates the witness key if absent and prints its verifier key. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "Creates the witness key if there is none (readable by its owner only) and prints the "
                + "verifier key to give to the logs this witness cosigns for.")
public final class WitnessKeyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    WitnessCommand parent;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: the witness command's, smolny-data/witness).")
    Path data;

    @Option(names = "--name", paramLabel = "NAME", description = "Witness key name, needed when creating the key.")
    String name;

    @Override
    public Integer call() throws IOException {
        Path folder = data != null ? data : parent.data;
        String keyName = name != null ? name : parent.name;
        WitnessKeys.Loaded loaded;
        try {
            loaded = WitnessKeys.loadOrCreate(folder, keyName);
        } catch (WitnessKeys.KeyFileException e) {
            spec.commandLine().getErr().println("smolny witness key: " + e.getMessage());
            return 1;
        }
        if (loaded.created()) {
            spec.commandLine().getErr().println("Created witness key " + WitnessKeys.keyFile(folder)
                    + " (readable by its owner only).");
        }
        spec.commandLine().getOut().println(loaded.key().verifierKey().encoded());
        return 0;
    }
}
