package org.smolny.app.council;

import org.smolny.app.config.SmolnyConfig;
import org.smolny.council.member.MemberId;
import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CouncilService;
import org.smolny.record.store.RecordStore;
import org.smolny.web.auth.PasswordHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.concurrent.Callable;

/** {@code smolny account add <login>}: creates a sign-in account (the first administrator, or a member's). */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manages sign-in accounts.",
        subcommands = {AccountCommand.Add.class})
public final class AccountCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add");
    }

    /** {@code smolny account add <login> [--member ID] [--administrator]}; the password is read from standard input. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates a sign-in account; the password (at least 10 characters) is read from the first line of standard input "
                    + "and stored as an Argon2id hash.",
                    "Exit 0 when created, 1 when refused (login taken, member unknown, password too short)."})
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "LOGIN", description = "The login: lower-case letters, digits and . _ @ -")
        String login;

        @Option(names = "--member", paramLabel = "MEMBER-ID", description = "The member the account acts for.")
        String member;

        @Option(names = "--administrator", description = "The account administers the server (founding units, the clock).")
        boolean administrator;

        @CommandLine.Mixin
        DataFolderOption dataFolder;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                MemberId id = member == null ? null : MemberId.parse(member);
                String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                PasswordHasher.requirePassword(password);
                SmolnyConfig config = dataFolder.configuration();
                try (RecordStore store = CouncilData.open(config)) {
                    CouncilService council = CouncilService.open(store, InstantSource.system());
                    if (id != null && council.read(state -> state.members().active(id).isEmpty())) {
                        throw new IllegalArgumentException("member " + id + " is not a current member");
                    }
                    new Accounts(council).create(new Accounts.Account(login, id, new PasswordHasher().hash(password), administrator));
                }
                spec.commandLine().getOut().println("Created the account '" + login + "'.");
                return 0;
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("smolny account add: " + e.getMessage());
                return 1;
            }
        }
    }
}
