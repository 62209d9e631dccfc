package org.smolny.app.election;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.DecryptionOutcome;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeConfirmation;
import org.smolny.ballot.record.CeremonyTranscript;
import org.smolny.ballot.record.DecryptionRecord;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.ballot.simulate.StreamingElectionSimulator;
import org.smolny.ballot.simulate.SimulationParameters;
import org.smolny.ballot.tally.EncryptedTally;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smolny election …}: the steps of a verifiable secret ballot that are not a trustee's (docs/ballot.md).
 * Exit 0 done, 1 invalid input (the message says what and where), 2 usage error.
 */
@Command(name = "election", mixinStandardHelpOptions = true,
        description = "Run a verifiable secret ballot: init, open (after the key ceremony), tally, decrypt; or simulate a whole election.",
        subcommands = {ElectionCommand.Init.class, ElectionCommand.Open.class, ElectionCommand.Tally.class,
                ElectionCommand.Decrypt.class, ElectionCommand.Simulate.class})
public final class ElectionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: see 'smolny election help'.");
    }

    /** Runs a step and turns bad input into exit code 1 with the message on stderr. */
    public static int step(CommandLine.Model.CommandSpec spec, Callable<String> body) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            out.println(body.call());
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException | java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            err.flush();
            return 1;
        }
    }

    /** A step on an existing election directory: opens {@code --dir} and reports through {@link #step}. */
    abstract static class DirectoryStep implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the election directory")
        Path dir;

        abstract String run(ElectionDir election) throws Exception;

        @Override
        public Integer call() {
            return step(spec, () -> run(ElectionDir.open(dir)));
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Write DIR/manifest.json in canonical form from a draft manifest (JSON).")
    static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "draft manifest JSON")
        Path draft;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the election directory to create")
        Path dir;

        @Override
        public Integer call() {
            return step(spec, () -> {
                if (Files.exists(dir.resolve(ElectionRecordFiles.MANIFEST))) {
                    throw new IllegalArgumentException(dir.resolve(ElectionRecordFiles.MANIFEST)
                            + " exists; an election's manifest is never replaced");
                }
                Manifest manifest = Manifest.parse(Files.readAllBytes(draft));
                new ElectionRecordFiles(dir, P256Group.instance()).writeManifest(manifest);
                return "election " + manifest.electionId() + " initialised in " + dir + "; manifest hash "
                        + manifest.hash().hex() + "\nnext: each trustee runs 'smolny trustee generate'";
            });
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "After every trustee confirmed: write ceremony.json and joint-key.json (the election key).")
    static final class Open extends DirectoryStep {
        @Override
        String run(ElectionDir e) {
            int n = e.manifest().trustees().trustees();
            List<TrusteeAnnouncement> announcements = e.exchange().readAnnouncements(n);
            for (TrusteeAnnouncement a : announcements) {
                if (!a.proofsHold(e.context())) {
                    throw new IllegalArgumentException("the announcement of trustee " + a.index()
                            + " has an invalid Schnorr proof");
                }
            }
            List<TrusteeConfirmation> confirmations = e.exchange().readConfirmations(n);
            GroupElement joint = KeyCeremony.jointKey(e.context().group(), announcements);
            Map<Integer, GroupElement> keys = new TreeMap<>();
            for (TrusteeConfirmation c : confirmations) {
                GroupElement x = KeyCeremony.verificationKey(e.context().group(), announcements, c.index());
                if (!c.jointKey().equals(joint) || !c.verificationKey().equals(x)) {
                    throw new IllegalArgumentException("trustee " + c.index()
                            + " confirmed keys that differ from the commitments");
                }
                keys.put(c.index(), x);
            }
            e.files().writeCeremony(new CeremonyTranscript(announcements, e.exchange().readShares(n),
                    confirmations));
            e.files().writeJointKey(new JointKeyRecord(joint, keys));
            return "election opened; joint key " + org.smolny.ballot.group.Bytes.hex(joint.encode());
        }
    }

    @Command(name = "tally", mixinStandardHelpOptions = true,
            description = "Compute tally.json: the weighted product of each credential's last cast ballot on board.jsonl.")
    static final class Tally extends DirectoryStep {
        @Override
        String run(ElectionDir e) {
            List<PublicCredential> credentials = e.files().readCredentials();
            EncryptedTally tally = EncryptedTally.compute(e.context().group(), e.manifest(), credentials,
                    e.files().readBoard());
            e.files().writeTally(tally);
            return "tally.json written; next: k trustees run 'smolny trustee decrypt'";
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Combine the trustees' partial decryptions (any k of n) into decryption.json and print the counts.")
    static final class Decrypt extends DirectoryStep {
        @Override
        String run(ElectionDir e) {
            int n = e.manifest().trustees().trustees();
            JointKeyRecord key = e.files().readJointKey();
            EncryptedTally tally = e.files().readTally();
            List<PartialDecryption> partials = e.exchange().readPartials(n);
            long bound = e.files().readCredentials().stream().mapToLong(PublicCredential::weight).sum();
            DecryptionOutcome outcome = Decryption.combine(e.context(), e.manifest().trustees(),
                    key.verificationKeys(), tally, partials, bound);
            return switch (outcome) {
                case DecryptionOutcome.Failed f -> throw new IllegalArgumentException(f.reason());
                case DecryptionOutcome.Decrypted d -> {
                    e.files().writeDecryption(new DecryptionRecord(partials, d.trustees(), d.result().counts()));
                    yield "decrypted by trustees " + d.trustees() + ": " + d.result().counts();
                }
            };
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Play a whole election with honest participants and write its record to --out.")
    static final class Simulate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--voters", required = true, paramLabel = "N") int voters;
        @Option(names = "--selections", required = true, paramLabel = "S", description = "yes/no questions") int selections;
        @Option(names = "--trustees", required = true, paramLabel = "n") int trustees;
        @Option(names = "--threshold", required = true, paramLabel = "k") int threshold;
        @Option(names = "--challenged", paramLabel = "C", defaultValue = "-1",
                description = "Benaloh-challenged ballots (default: 1%% of voters + 1)") int challenged;
        @Option(names = "--revotes", paramLabel = "R", defaultValue = "-1",
                description = "voters who cast a second ballot (default: 1%% of voters + 1)") int revotes;
        @Option(names = "--max-weight", paramLabel = "W", defaultValue = "1",
                description = "voters' weights drawn from 1..W (card votes)") long maxWeight;
        @Option(names = "--threads", paramLabel = "T", defaultValue = "2") int threads;
        @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

        @Override
        public Integer call() {
            return step(spec, () -> {
                if (Files.exists(out.resolve(ElectionRecordFiles.MANIFEST))) {
                    throw new IllegalArgumentException(out + " already holds an election record");
                }
                SimulationParameters p = new SimulationParameters(voters, selections, trustees, threshold,
                        challenged < 0 ? Math.min(voters, voters / 100 + 1) : challenged,
                        revotes < 0 ? Math.min(voters, voters / 100 + 1) : revotes, maxWeight, threads);
                long t0 = System.nanoTime();
                PrintWriter err = spec.commandLine().getErr();
                long[] reported = {0};
                StreamingElectionSimulator.Result s = StreamingElectionSimulator.simulate(p,
                        new ElectionRecordFiles(out, P256Group.instance()), new SecureRandom(), written -> {
                            if (written >= reported[0] + 100_000) {
                                reported[0] = written;
                                err.printf("%,d board entries written (%.0f s)%n", written,
                                        (System.nanoTime() - t0) / 1e9);
                                err.flush();
                            }
                        });
                return String.format("simulated %d voters, %d board entries, %d trustees (threshold %d) in %.1f s;"
                                + " counts %s; record in %s", voters, s.boardEntries(), trustees, threshold,
                        (System.nanoTime() - t0) / 1e9, s.decryption().counts(), out);
            });
        }
    }
}
