package org.smolny.app.council;

import org.smolny.app.config.SmolnyConfig;
import org.smolny.council.member.MemberId;
import org.smolny.council.shell.CouncilService;
import org.smolny.record.store.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.InstantSource;
import java.util.concurrent.Callable;

/** {@code smolny member}: acts on a member's personal data. */
@Command(name = "member", mixinStandardHelpOptions = true, description = "Acts on members' personal data.",
        subcommands = {MemberCommand.Erase.class})
public final class MemberCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: erase");
    }

    /** {@code smolny member erase <id>}. */
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Erases a member's personal data (name, contacts) and sign-in account.",
                    "The record keeps the pseudonymous id and the salted commitment, which can no longer be opened; the record still verifies.",
                    "Exit 0 when erased, 1 when there was nothing to erase or the id is not a member id."})
    static final class Erase implements Callable<Integer> {

        @Parameters(paramLabel = "MEMBER-ID", description = "The member's pseudonymous id (a UUIDv7).")
        String member;

        @CommandLine.Mixin
        DataFolderOption dataFolder;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            MemberId id;
            try {
                id = MemberId.parse(member);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("smolny member erase: '" + member + "' is not a member id: " + e.getMessage());
                return 1;
            }
            try {
                SmolnyConfig config = dataFolder.configuration();
                try (RecordStore store = CouncilData.open(config)) {
                    CouncilService council = CouncilService.open(store, InstantSource.system());
                    if (council.erase(id)) {
                        spec.commandLine().getOut().println("Erased the personal data of member " + id
                                + "; the record keeps only the id and the commitment.");
                        return 0;
                    }
                    spec.commandLine().getErr().println("smolny member erase: no personal data is held for member " + id
                            + " (unknown id, or already erased)");
                    return 1;
                }
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("smolny member erase: " + e.getMessage());
                return 1;
            }
        }
    }
}
