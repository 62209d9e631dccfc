package org.smolny.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smolny.record.note.VerifierKey;

/**
 * The public keys the pages check the record's signatures with, read from the data folder:
 * {@code keys/log.pub} (the log's key, written by {@link org.smolny.record.LogKey}) and {@code keys/witnesses.pub}
 * (the witnesses' keys, one a line, {@code #} comments allowed). Without {@code log.pub}, checkpoint
 * signatures are shown as not verified; a cosignature by a witness not listed is shown as not verified.
 *
 * @param log       the log's public key, if known
 * @param witnesses the witnesses' public keys
 */
public record RecordKeys(Optional<VerifierKey> log, List<VerifierKey> witnesses) {

    /** The witnesses' public keys, in the data folder's {@code keys/}, beside the log's. */
    public static final String WITNESSES_PUBLIC = "witnesses.pub";

    public RecordKeys {
        witnesses = List.copyOf(witnesses);
    }

    /** The keys stored in the data folder; a malformed key file is an error naming the file and line. */
    public static RecordKeys load(Path dataDirectory) {
        Path folder = keysFolder(dataDirectory);
        Optional<VerifierKey> log = Optional.empty();
        List<VerifierKey> witnesses = new ArrayList<>();
        try {
            Path logFile = folder.resolve(org.smolny.record.LogKey.PUBLIC_FILE);
            if (Files.isRegularFile(logFile)) {
                log = Optional.of(parse(logFile, Files.readString(logFile).strip(), 1));
            }
            Path witnessFile = folder.resolve(WITNESSES_PUBLIC);
            if (Files.isRegularFile(witnessFile)) {
                List<String> lines = Files.readAllLines(witnessFile);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        witnesses.add(parse(witnessFile, line, i + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record's public keys in " + folder + ": " + e.getMessage(), e);
        }
        return new RecordKeys(log, witnesses);
    }

    /** The folder of the keys in a data folder (the record module's {@link org.smolny.record.LogKey#FOLDER}). */
    public static Path keysFolder(Path dataDirectory) {
        return dataDirectory.resolve(org.smolny.record.LogKey.FOLDER);
    }

    private static VerifierKey parse(Path file, String encoded, int line) {
        try {
            return VerifierKey.parse(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + line + ": not a public key (" + e.getMessage() + ")", e);
        }
    }

    Optional<VerifierKey> witness(String name, String keyIdHex) {
        return witnesses.stream().filter(key -> key.name().equals(name) && key.keyId().hex().equals(keyIdHex)).findFirst();
    }
}
