package org.smolny.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code smolny} command: every subcommand is registered here, in one place. */
@Command(name = "smolny", mixinStandardHelpOptions = true, version = "smolny 0.1.0",
        description = "Smolny: council democracy for member organisations, on a public, verifiable record.",
        subcommands = {CommandLine.HelpCommand.class, org.smolny.app.witness.WitnessCommand.class,
                org.smolny.app.statutes.StatutesCommand.class, org.smolny.app.count.CountCommand.class,
                org.smolny.app.election.ElectionCommand.class, org.smolny.app.election.SecretCommand.class,
                org.smolny.app.trustee.TrusteeCommand.class,
                org.smolny.app.verify.VerifyCommand.class,
                org.smolny.app.serve.ServeCommand.class, org.smolny.app.demo.DemoCommand.class,
                org.smolny.app.record.RecordCommand.class,
                org.smolny.app.council.RebuildCommand.class, org.smolny.app.council.MemberCommand.class,
                org.smolny.app.council.ImportCommand.class, org.smolny.app.council.AccountCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 done or valid, 1 invalid input or failed verification, 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: see 'smolny help'.");
    }
}
