package org.smolny.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifierKey;

/**
 * The log's Ed25519 signing key in the data folder: {@code keys/log.key} (the C2SP signed-note private key encoding,
 * readable by its owner only) and {@code keys/log.pub} (the verifier key, public). The key's name is the log's origin.
 * Stateless.
 */
public final class LogKey {

    /** Folder of the keys inside the data folder. */
    public static final String FOLDER = "keys";
    /** File name of the secret key. */
    public static final String SECRET_FILE = "log.key";
    /** File name of the public verifier key. */
    public static final String PUBLIC_FILE = "log.pub";

    private LogKey() {
    }

    /** Reads the log key of {@code dataFolder}, or creates one named {@code origin} if there is none. */
    public static SignerKey loadOrCreate(Path dataFolder, String origin) throws IOException {
        Path keys = dataFolder.resolve(FOLDER);
        Path secret = keys.resolve(SECRET_FILE);
        if (Files.exists(secret)) {
            SignerKey key = read(secret);
            if (origin != null && !origin.equals(key.name())) {
                throw new IllegalArgumentException("the log key in " + secret + " belongs to origin '" + key.name()
                        + "', not '" + origin + "'");
            }
            return key;
        }
        if (origin == null) {
            throw new IllegalArgumentException("no log key in " + keys + " yet: give the log's origin to create one");
        }
        SignerKey key = SignerKey.generate(origin, KeyType.ED25519);
        Files.createDirectories(keys);
        writeOwnerOnly(secret, key.encodedSecret());
        Files.writeString(keys.resolve(PUBLIC_FILE), key.verifierKey().encoded() + "\n", StandardCharsets.UTF_8);
        return key;
    }

    /** Reads a secret key file; refuses a file that others can read. */
    public static SignerKey read(Path secret) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(secret);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalArgumentException("the log key " + secret + " is readable by others (mode "
                        + PosixFilePermissions.toString(permissions) + "); make it readable by its owner only: chmod 600 " + secret);
            }
        }
        SignerKey key = SignerKey.parse(Files.readString(secret, StandardCharsets.UTF_8).strip());
        if (key.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("the key in " + secret + " is not an Ed25519 log key");
        }
        return key;
    }

    /** The public key file of a data folder. */
    public static Path publicFile(Path dataFolder) {
        return dataFolder.resolve(FOLDER).resolve(PUBLIC_FILE);
    }

    /** Reads a verifier key file ({@code log.pub}). */
    public static VerifierKey readPublic(Path file) throws IOException {
        return VerifierKey.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    /** The signer for checkpoints. */
    public static Ed25519NoteSigner signer(SignerKey key) {
        return new Ed25519NoteSigner(key);
    }

    /** The verifier of checkpoints. */
    public static Ed25519NoteVerifier verifier(VerifierKey key) {
        return new Ed25519NoteVerifier(key);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, content + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
