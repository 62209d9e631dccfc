package org.smolny.ballot.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.Scalar;
import org.smolny.ballot.group.SecretScalar;
import org.smolny.ballot.keyceremony.TrusteeSecrets;
import org.smolny.ballot.proof.ManifestHash;

/**
 * A trustee's own secret file (ballot spec §10.7), readable by its owner only: the election's manifest hash, the
 * trustee index, the polynomial coefficients, the transport secret and, after the ceremony, the key share. It never
 * leaves the trustee's machine. Stateless.
 */
public final class TrusteeSecretsFile {
    private TrusteeSecretsFile() {
    }

    public static void write(Path file, ManifestHash manifestHash, TrusteeSecrets secrets, boolean replace) {
        ObjectNode o = RecordCodec.object();
        o.put("v", 1);
        o.put("kind", "smolny-trustee-secrets");
        o.put("manifestHash", manifestHash.hex());
        o.put("index", secrets.index());
        ArrayNode cs = o.putArray("coefficients");
        secrets.coefficients().forEach(c -> cs.add(Bytes.hex(c.revealEncoding())));
        o.put("transportSecret", Bytes.hex(secrets.transportSecret().revealEncoding()));
        secrets.keyShare().ifPresent(k -> o.put("keyShare", Bytes.hex(k.revealEncoding())));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!replace && Files.exists(file)) {
                throw new FileAlreadyExistsException(file + " exists; a trustee's secrets are never overwritten");
            }
            Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, RecordCodec.write(o) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the file and checks that it belongs to the election with this manifest hash. */
    public static TrusteeSecrets read(Path file, Group group, ManifestHash manifestHash) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecordFormatException(file + ": cannot read (" + e.getMessage() + ")");
        }
        JsonReader r = new JsonReader(RecordCodec.parse(file.toString(), text), file.toString());
        r.version();
        if (!"smolny-trustee-secrets".equals(r.field("kind").text())) {
            throw r.field("kind").error("not a trustee secrets file");
        }
        if (!ManifestHash.ofHex(r.field("manifestHash").text()).equals(manifestHash)) {
            throw r.field("manifestHash").error("belongs to another election (manifest hash differs)");
        }
        List<SecretScalar> coefficients = r.field("coefficients").list((c, i) -> secret(c, group));
        Optional<SecretScalar> keyShare = r.has("keyShare") ? Optional.of(secret(r.field("keyShare"), group))
                : Optional.empty();
        try {
            return new TrusteeSecrets(r.field("index").smallInt(), coefficients,
                    secret(r.field("transportSecret"), group), keyShare);
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    private static SecretScalar secret(JsonReader r, Group group) {
        Scalar s = r.scalar(group);
        if (s.isZero()) {
            throw r.error("a secret must not be zero");
        }
        return group.secret(s.value());
    }
}
