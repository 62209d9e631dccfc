package org.smolny.app.statutes;

import org.smolny.council.statutes.StatuteProblem;
import org.smolny.council.statutes.Statutes;
import org.smolny.council.statutes.StatutesCheck;
import org.smolny.council.statutes.StatutesReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code smolny statutes}: work with an organisation's statutes file. */
@Command(name = "statutes", mixinStandardHelpOptions = true,
        description = "Work with an organisation's statutes (TOML, described in docs/statutes.md).",
        subcommands = {StatutesCommand.Check.class})
public final class StatutesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'smolny statutes check <file>'.");
    }

    /** {@code smolny statutes check <file>}: exit 0 when valid, 1 when invalid (each problem with its line), 2 on usage errors. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a statutes file; print each problem as <file>:<line>: <what is wrong>.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:the statutes are valid", "1:the statutes are invalid or unreadable", "2:usage error"})
    public static final class Check implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<file>", description = "The statutes file (TOML).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println(file + ": no such file");
                err.flush();
                return 1;
            }
            StatutesCheck check;
            try {
                check = StatutesReader.read(file);
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                err.println(file + ": cannot be read as UTF-8 text: " + unreadable.getMessage());
                err.flush();
                return 1;
            }
            return switch (check) {
                case StatutesCheck.Valid valid -> {
                    Statutes statutes = valid.statutes();
                    out.println(file + ": valid statutes of " + statutes.organisation() + ", version " + statutes.version()
                            + " (" + statutes.unitTypes().size() + " unit types, " + statutes.posts().size() + " posts, "
                            + statutes.bodies().size() + " bodies), sha256 " + statutes.sha256());
                    out.flush();
                    yield 0;
                }
                case StatutesCheck.Invalid invalid -> {
                    for (StatuteProblem problem : invalid.problems()) {
                        err.println(file + ":" + problem.line() + ": " + problem.message());
                    }
                    err.println(file + ": invalid (" + invalid.problems().size() + " problem"
                            + (invalid.problems().size() == 1 ? "" : "s") + ")");
                    err.flush();
                    yield 1;
                }
            };
        }
    }
}
