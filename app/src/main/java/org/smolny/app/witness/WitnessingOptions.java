package org.smolny.app.witness;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smolny.record.note.SignedNote;
import org.smolny.record.witness.ConsistencyProofSource;
import org.smolny.record.witness.LogHaltException;
import org.smolny.record.witness.WitnessClient;
import org.smolny.record.witness.Witnessing;
import org.smolny.record.witness.WitnessingResult;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options of a log command that gathers witness cosignatures ({@code @Mixin WitnessingOptions witnessing;}):
 * {@code --witness KEY@URL} (repeatable), {@code --witness-threshold K}, {@code --witness-timeout-ms MS}.
 */
public final class WitnessingOptions {

    @Option(names = "--witness", paramLabel = "KEY@URL",
            description = "A witness to ask for cosignatures: its verifier key, '@', its URL (before /add-checkpoint). Repeatable.")
    List<String> witnesses = new ArrayList<>();

    @Option(names = "--witness-threshold", paramLabel = "K",
            description = "How many witnesses must cosign (default: all of them).")
    Integer threshold;

    @Option(names = "--witness-timeout-ms", paramLabel = "MS", defaultValue = "10000",
            description = "How long to wait for the witnesses, in milliseconds (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    /** The policy, or empty if no witness is configured; a usage error for a malformed witness or threshold. */
    public Optional<Witnessing> witnessing(CommandLine command) {
        if (witnesses.isEmpty()) {
            if (threshold != null && threshold > 0) {
                throw new CommandLine.ParameterException(command,
                        "--witness-threshold " + threshold + " needs at least that many --witness options");
            }
            return Optional.empty();
        }
        List<WitnessClient> clients = new ArrayList<>();
        for (String witness : witnesses) {
            try {
                clients.add(WitnessClient.parse(witness));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command, "Bad --witness: " + e.getMessage());
            }
        }
        try {
            return Optional.of(new Witnessing(clients, threshold == null ? clients.size() : threshold,
                    Duration.ofMillis(timeoutMillis)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, "Bad witness policy: " + e.getMessage());
        }
    }

    /**
     * Gathers cosignatures and reports on {@code err} which witnesses failed. A witness ahead of the log or
     * holding another root stops the log: the message is printed and the {@link LogHaltException} rethrown,
     * for the command to exit with 1.
     */
    public static WitnessingResult gather(Witnessing witnessing, SignedNote checkpoint, ConsistencyProofSource proofs,
            PrintWriter err) throws LogHaltException, InterruptedException {
        try {
            WitnessingResult result = witnessing.gather(checkpoint, proofs);
            result.failures().values().forEach(failure -> err.println("witness: " + failure));
            if (!result.policyMet()) {
                err.println("witness: only " + result.cosignatures().size() + " of the " + result.threshold()
                        + " cosignatures needed were gathered");
            }
            return result;
        } catch (LogHaltException halt) {
            err.println("STOPPED: " + halt.getMessage());
            throw halt;
        }
    }
}
