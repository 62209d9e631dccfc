package org.smolny.app.trustee;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import org.smolny.app.election.ElectionDir;
import org.smolny.ballot.decrypt.Decryption;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.keyceremony.KeyCeremony;
import org.smolny.ballot.keyceremony.ShareCheck;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeConfirmation;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.record.TrusteeSecretsFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smolny trustee …}: a trustee's part of the key ceremony and of the decryption, run on the trustee's own
 * machine; the secrets stay in the trustee's secrets file (owner-only), and only public or encrypted messages go into
 * the election directory. Exit 0 done, 1 invalid input or a failed check, 2 usage error.
 */
@Command(name = "trustee", mixinStandardHelpOptions = true,
        description = "A trustee's steps: generate (polynomial and keys), share (encrypted shares), confirm (check every share and the joint key), decrypt (partial decryption of the tally).",
        subcommands = {TrusteeCommand.Generate.class, TrusteeCommand.Share.class, TrusteeCommand.Confirm.class,
                TrusteeCommand.Decrypt.class})
public final class TrusteeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: see 'smolny trustee help'.");
    }

    abstract static class Step implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the election directory (shared)")
        Path dir;

        @Option(names = "--secrets", required = true, paramLabel = "FILE",
                description = "this trustee's secrets file (stays on this machine)")
        Path secretsFile;

        abstract String run(ElectionDir election) throws Exception;

        @Override
        public Integer call() {
            return org.smolny.app.election.ElectionCommand.step(spec, () -> run(ElectionDir.open(dir)));
        }

        TrusteeSecrets secrets(ElectionDir e) {
            return TrusteeSecretsFile.read(secretsFile, e.context().group(), e.context().manifestHash());
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Draw this trustee's polynomial and transport key; publish the announcement.")
    static final class Generate extends Step {
        @Option(names = "--index", required = true, paramLabel = "I", description = "this trustee's number, 1..n")
        int index;

        @Override
        String run(ElectionDir e) {
            SecureRandom random = new SecureRandom();
            TrusteeSecrets s = KeyCeremony.generate(e.context(), e.manifest().trustees(), index, random);
            TrusteeSecretsFile.write(secretsFile, e.context().manifestHash(), s, false);
            e.exchange().writeAnnouncement(KeyCeremony.announce(e.context(), s, random));
            return "trustee " + index + ": secrets in " + secretsFile + " (keep them), announcement in "
                    + e.exchange().announcementFile(index);
        }
    }

    @Command(name = "share", mixinStandardHelpOptions = true,
            description = "Check every announcement and send each other trustee its share, encrypted to its transport key.")
    static final class Share extends Step {
        @Override
        String run(ElectionDir e) {
            TrusteeSecrets s = secrets(e);
            List<TrusteeAnnouncement> announcements = e.exchange().readAnnouncements(e.manifest().trustees().trustees());
            for (TrusteeAnnouncement a : announcements) {
                if (!a.proofsHold(e.context()) || a.commitments().size() != e.manifest().trustees().threshold()) {
                    throw new IllegalArgumentException("the announcement of trustee " + a.index() + " is invalid");
                }
            }
            e.exchange().writeShares(s.index(), KeyCeremony.shares(e.context(), s, announcements, new SecureRandom()));
            return "trustee " + s.index() + ": encrypted shares in " + e.exchange().sharesFile(s.index());
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "Decrypt and check every share sent to this trustee against the sender's commitments; keep the key share; confirm the joint key.")
    static final class Confirm extends Step {
        @Override
        String run(ElectionDir e) {
            TrusteeSecrets s = secrets(e);
            int n = e.manifest().trustees().trustees();
            List<TrusteeAnnouncement> announcements = e.exchange().readAnnouncements(n);
            ShareCheck check = KeyCeremony.receive(e.context(), e.manifest().trustees(), s, announcements,
                    e.exchange().readShares(n).stream().filter(x -> x.recipient() == s.index()).toList());
            return switch (check) {
                case ShareCheck.Rejected r -> throw new IllegalArgumentException("shares rejected: "
                        + r.complaints().stream().map(c -> "trustee " + c.sender() + ": " + c.reason()).toList());
                case ShareCheck.Accepted a -> {
                    TrusteeSecretsFile.write(secretsFile, e.context().manifestHash(), s.withKeyShare(a.keyShare()), true);
                    e.exchange().writeConfirmation(new TrusteeConfirmation(s.index(), a.jointKey(), a.verificationKey()));
                    yield "trustee " + s.index() + ": every share checked; joint key "
                            + org.smolny.ballot.group.Bytes.hex(a.jointKey().encode());
                }
            };
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Publish this trustee's partial decryption of tally.json, with Chaum-Pedersen proofs.")
    static final class Decrypt extends Step {
        @Override
        String run(ElectionDir e) {
            TrusteeSecrets s = secrets(e);
            if (s.keyShare().isEmpty()) {
                throw new IllegalArgumentException(secretsFile + " holds no key share: run 'smolny trustee confirm' first");
            }
            PartialDecryption p = Decryption.partial(e.context(), s.index(), s.keyShare().get(), e.files().readTally(),
                    new SecureRandom());
            e.exchange().writePartial(p);
            return "trustee " + s.index() + ": partial decryption in " + e.exchange().partialFile(s.index());
        }
    }
}
