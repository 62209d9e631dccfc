package org.smolny.app.record;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.smolny.record.json.Entry;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoredCheckpoint;
import org.smolny.record.store.StoredCosignature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smolny record show}: size, root, latest checkpoint, and entries. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows the record's size and root hash, its latest signed checkpoint with cosignatures, and entries "
                + "(index, leaf hash, canonical JSON).")
public final class ShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--from", paramLabel = "INDEX", defaultValue = "0", description = "First entry to show (default: 0).")
    long from;

    @Option(names = "--count", paramLabel = "N", defaultValue = "20", description = "How many entries to show (default: 20).")
    int count;

    @Override
    public Integer call() {
        if (from < 0 || count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from and --count are at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RecordStore store = database.openExisting(spec.commandLine())) {
            long size = store.size();
            out.println("size: " + size);
            out.println("root: " + store.root(size));
            StoredCheckpoint checkpoint = store.latestCheckpoint().orElse(null);
            if (checkpoint == null) {
                out.println("checkpoint: none signed yet");
            } else {
                out.println("checkpoint: size " + checkpoint.size() + ", signed " + checkpoint.signedAt() + ", "
                        + checkpoint.cosignatures().size() + " cosignature(s)");
                for (StoredCosignature cosignature : checkpoint.cosignatures()) {
                    out.println("  cosigned by " + cosignature.witness() + " (key " + cosignature.keyId() + ")");
                }
            }
            List<Entry> entries = store.entries(from, count);
            TreeHasher hasher = TreeHasher.create();
            long index = from;
            for (Entry entry : entries) {
                out.println(index++ + "\t" + hasher.hashLeaf(entry.bytes()) + "\t" + entry.json());
            }
        }
        return 0;
    }
}
