package org.smolny.app.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smolny.record.json.Entry;
import org.smolny.record.json.InvalidEntryException;
import org.smolny.record.store.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smolny record append}: appends one JSON entry per line, all or nothing. */
@Command(name = "append", mixinStandardHelpOptions = true,
        description = "Appends one JSON entry per line (standard input by default) in one transaction: if any line is "
                + "invalid, nothing is written and the line is named. Creates the database if it does not exist. "
                + "Each entry is a JSON object with \"v\":1, stored in RFC 8785 canonical form, at most 65535 bytes.")
public final class AppendCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--file", paramLabel = "FILE", description = "Read entries from FILE (JSON Lines) instead of standard input.")
    Path file;

    @Override
    public Integer call() throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (InputStream input = file != null ? Files.newInputStream(file) : System.in;
             BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            int number = 0;
            String line;
            while (true) {
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    return fail("line " + (number + 1) + " is not valid UTF-8; nothing was appended");
                }
                if (line == null) {
                    break;
                }
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(Entry.parse(line));
                } catch (InvalidEntryException e) {
                    return fail("line " + number + ": " + e.getMessage() + "; nothing was appended");
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + file);
        } catch (IOException e) {
            return fail("cannot read the entries: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            return fail("no entries to append (one JSON object per line)");
        }
        if (database.isFile() && database.file().toAbsolutePath().getParent() != null) {
            Files.createDirectories(database.file().toAbsolutePath().getParent());
        }
        try (RecordStore store = RecordStore.open(database.config(spec.commandLine()))) {
            long first = store.submit(tx -> {
                long index = -1;
                for (Entry entry : entries) {
                    long appended = tx.append(entry);
                    index = index < 0 ? appended : index;
                }
                return index;
            }).get();
            long last = first + entries.size() - 1;
            spec.commandLine().getOut().println("Appended " + entries.size() + (entries.size() == 1 ? " entry" : " entries")
                    + (first == last ? " at index " + first : " at indexes " + first + " to " + last)
                    + "; the record holds " + (last + 1) + " entries.");
        }
        return 0;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("smolny record append: " + message);
        return 1;
    }
}
