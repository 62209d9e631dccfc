package org.smolny.app.record;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.smolny.record.merkle.Hash;
import org.smolny.record.merkle.ProofResult;
import org.smolny.record.merkle.Proofs;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.store.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smolny record prove}: an inclusion or a consistency proof, printed and verified. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Prints an RFC 9162 proof and verifies it: inclusion of an entry (--index, optionally --size), "
                + "or consistency between two sizes (--from, --to).")
public final class ProveCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--index", paramLabel = "INDEX", description = "Prove that this entry is in the tree.")
    Long index;

    @Option(names = "--size", paramLabel = "SIZE", description = "Tree size for the inclusion proof (default: the whole record).")
    Long size;

    @Option(names = "--from", paramLabel = "SIZE", description = "Smaller tree size of a consistency proof.")
    Long from;

    @Option(names = "--to", paramLabel = "SIZE", description = "Larger tree size of a consistency proof (default: the whole record).")
    Long to;

    @Override
    public Integer call() {
        if ((index == null) == (from == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give either --index (inclusion) or --from (consistency).");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RecordStore store = database.openExisting(spec.commandLine())) {
            long recordSize = store.size();
            ProofResult result;
            if (index != null) {
                long treeSize = size != null ? size : recordSize;
                if (treeSize > recordSize || index < 0 || index >= treeSize) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "entry " + index + " is not in a tree of size "
                            + treeSize + " (the record holds " + recordSize + " entries)");
                }
                Hash leaf = TreeHasher.create().hashLeaf(store.entry(index).bytes());
                Hash root = store.root(treeSize);
                List<Hash> proof = store.inclusionProof(index, treeSize);
                out.println("inclusion of entry " + index + " in the tree of size " + treeSize);
                out.println("leaf hash: " + leaf);
                out.println("root: " + root);
                print(out, proof);
                result = Proofs.verifyInclusion(index, treeSize, leaf, proof, root);
            } else {
                long larger = to != null ? to : recordSize;
                if (larger > recordSize || from <= 0 || from > larger) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "a consistency proof needs 0 < --from <= --to <= "
                            + recordSize + ", got " + from + " and " + larger);
                }
                Hash oldRoot = store.root(from);
                Hash newRoot = store.root(larger);
                List<Hash> proof = store.consistencyProof(from, larger);
                out.println("consistency of the tree of size " + from + " with the tree of size " + larger);
                out.println("root " + from + ": " + oldRoot);
                out.println("root " + larger + ": " + newRoot);
                print(out, proof);
                result = Proofs.verifyConsistency(from, larger, proof, oldRoot, newRoot);
            }
            if (result instanceof org.smolny.record.merkle.ProofError error) {
                out.println("NOT VERIFIED: " + error.message());
                return 1;
            }
            out.println("verified");
            return 0;
        }
    }

    private static void print(PrintWriter out, List<Hash> proof) {
        out.println("proof (" + proof.size() + " hashes):");
        for (Hash hash : proof) {
            out.println("  " + hash);
        }
    }
}
