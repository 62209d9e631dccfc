package org.smolny.record.witness.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Durable files under a witness's data folder: one file per log holding the latest cosigned checkpoint,
 * replaced atomically (write a temporary file, fsync it, rename it over the old one, fsync the folder),
 * so that after a crash either the old or the new checkpoint is on disk, never a mix.
 * Callers serialise writes per log; reads and writes of different logs may run concurrently.
 */
public final class StateDirectory {

    private final Path directory;

    public StateDirectory(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    public Path directory() {
        return directory;
    }

    /** The file of a log, named by the SHA-256 of its origin (origins may hold any character). */
    public Path fileOf(String origin) {
        return directory.resolve(hash(origin) + ".checkpoint");
    }

    /** The stored bytes of a log's file, if any. */
    public Optional<byte[]> read(String origin) throws IOException {
        Path file = fileOf(origin);
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    /** Replaces a log's file with {@code content}, durably, before returning. */
    public void write(String origin, byte[] content) throws IOException {
        writeAtomically(fileOf(origin), content);
    }

    /** Writes {@code content} to {@code target} atomically and durably. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + folder + " cannot rename atomically", e);
            }
            syncDirectory(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Forces a folder's entries (a rename, a new file) to disk. */
    public static void syncDirectory(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static String hash(String origin) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
