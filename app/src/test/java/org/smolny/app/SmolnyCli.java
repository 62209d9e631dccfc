package org.smolny.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import picocli.CommandLine;

/** Runs the {@code smolny} command line in this process and captures what it prints, for the CLI tests. */
public final class SmolnyCli {

    /** What one run returned and printed. */
    public record Run(int exitCode, String out, String err) {
    }

    private SmolnyCli() {
    }

    /** Runs {@code args} with fresh output buffers; returns the exit code and what went to standard output and error. */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = execute(out, err, args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs {@code args}, appending standard output to {@code out} and standard error to {@code err}; returns the exit code. */
    public static int execute(Writer out, Writer err, String... args) {
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
