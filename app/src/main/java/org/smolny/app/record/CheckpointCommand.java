package org.smolny.app.record;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smolny.app.witness.WitnessingOptions;
import org.smolny.record.LogKey;
import org.smolny.record.RecordLog;
import org.smolny.record.note.SignerKey;
import org.smolny.record.store.CheckpointConflictException;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoredCheckpoint;
import org.smolny.record.witness.LogHaltException;
import org.smolny.record.witness.Witnessing;
import org.smolny.record.witness.WitnessingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smolny record checkpoint}: signs a checkpoint of the record and gathers witness cosignatures. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Signs a C2SP checkpoint of the record as it is now with the log key (DATA/keys/log.key, created "
                + "readable by its owner only on first use, named after --origin), stores it, asks the witnesses to "
                + "cosign it, and prints the signed note.")
public final class CheckpointCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    WitnessingOptions witnessing;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder holding keys/log.key (default: the database's folder).")
    java.nio.file.Path data;

    @Option(names = "--origin", paramLabel = "ORIGIN",
            description = "The log's origin (a schema-less URL such as union.example/record), needed to create the key.")
    String origin;

    @Override
    public Integer call() throws Exception {
        Optional<Witnessing> policy = witnessing.witnessing(spec.commandLine());
        SignerKey key;
        try {
            key = LogKey.loadOrCreate(data != null ? data : database.dataFolder(), origin);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("smolny record checkpoint: " + e.getMessage());
            return origin == null ? 2 : 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RecordStore store = database.openExisting(spec.commandLine())) {
            RecordLog log = RecordLog.of(store, key);
            StoredCheckpoint checkpoint;
            if (policy.isPresent()) {
                WitnessingResult result;
                try {
                    result = log.signAndWitness(policy.get());
                } catch (LogHaltException halt) {
                    spec.commandLine().getErr().println("STOPPED: " + halt.getMessage());
                    return 1;
                }
                result.failures().values().forEach(failure -> spec.commandLine().getErr().println("witness: " + failure));
                checkpoint = store.latestCheckpoint().orElseThrow();
                out.print(checkpoint.noteWithCosignatures());
                if (!result.policyMet()) {
                    spec.commandLine().getErr().println("witness: only " + result.cosignatures().size() + " of the "
                            + result.threshold() + " cosignatures needed were gathered");
                    return 1;
                }
            } else {
                checkpoint = log.signCheckpoint();
                out.print(checkpoint.noteWithCosignatures());
            }
            return 0;
        } catch (CheckpointConflictException e) {
            spec.commandLine().getErr().println("smolny record checkpoint: " + e.getMessage());
            return 1;
        }
    }
}
