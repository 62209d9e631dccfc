package org.smolny.app.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;

/** The witness's key file {@code <data>/witness.key}: created once, readable by its owner only. */
final class WitnessKeys {

    static final String FILE_NAME = "witness.key";

    record Loaded(SignerKey key, boolean created) {
    }

    /** A problem with the key file that the operator must fix. */
    static final class KeyFileException extends Exception {
        KeyFileException(String message) {
            super(message);
        }
    }

    private WitnessKeys() {
    }

    static Path keyFile(Path data) {
        return data.resolve(FILE_NAME);
    }

    /** Reads the key, or creates it under {@code name} if there is none yet. */
    static Loaded loadOrCreate(Path data, String name) throws KeyFileException, IOException {
        Path file = keyFile(data);
        if (Files.exists(file)) {
            SignerKey key = read(file);
            if (name != null && !name.equals(key.name())) {
                throw new KeyFileException("the key in " + file + " is named '" + key.name() + "', not '" + name
                        + "'; a witness keeps its name (leave out --name, or use another --data folder)");
            }
            return new Loaded(key, false);
        }
        if (name == null) {
            throw new KeyFileException("no witness key in " + data + " yet: give --name NAME on first start"
                    + " (a schema-less URL such as witness.unit.example/w1)");
        }
        SignerKey key;
        try {
            key = SignerKey.generate(name, KeyType.COSIGNATURE_V1);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("bad witness name: " + e.getMessage());
        }
        write(file, key);
        return new Loaded(key, true);
    }

    private static SignerKey read(Path file) throws KeyFileException, IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            SignerKey key = SignerKey.parse(text);
            if (key.type() != KeyType.COSIGNATURE_V1) {
                throw new KeyFileException("the key in " + file + " is not a witness (cosignature/v1) key");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("the key file " + file + " is damaged: " + e.getMessage());
        }
    }

    private static void write(Path file, SignerKey key) throws IOException, KeyFileException {
        Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Path temporary = folder.resolve("." + FILE_NAME + ".new");
        Files.deleteIfExists(temporary);
        if (posix) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, key.encodedSecret() + "\n", StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            Files.delete(temporary);
            throw new KeyFileException("another process created " + file + " at the same time; start again");
        } catch (UnsupportedOperationException e) {
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(temporary);
        try (var channel = java.nio.channels.FileChannel.open(folder, java.nio.file.StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
