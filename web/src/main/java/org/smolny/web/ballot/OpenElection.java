package org.smolny.web.ballot;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.smolny.ballot.elgamal.ElectionPublicKey;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.ElectionRecordFiles;

/**
 * An election whose ballot box is open on this server: what the voting page needs (the manifest, the joint key K) and
 * what the board needs to accept a ballot (the published credential list). Immutable.
 *
 * @param id          the election's path segment on this server ({@code /ballot/{id}}): 1–64 of a–z, 0–9 and '-'
 * @param manifest    the manifest (ballot spec §1)
 * @param key         the joint key K (ballot spec §6.5)
 * @param credentials the public credentials and weights (ballot spec §7.1)
 */
public record OpenElection(String id, Manifest manifest, ElectionPublicKey key, List<PublicCredential> credentials) {

    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public OpenElection {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an election id is 1 to 64 of a-z, 0-9 and '-' (not at either end), got \"" + id + "\"");
        }
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(key, "key");
        credentials = List.copyOf(credentials);
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("election " + id + " has no voter credential");
        }
    }

    /**
     * The election of an election record directory after its key ceremony: {@code manifest.json},
     * {@code joint-key.json} and {@code credentials.json} (ballot spec §10.2–10.3).
     */
    public static OpenElection fromRecordDirectory(String id, Path directory) {
        ElectionRecordFiles files = new ElectionRecordFiles(directory, P256Group.instance());
        return new OpenElection(id, files.readManifest(),
                new ElectionPublicKey(files.readJointKey().jointKey()), files.readCredentials());
    }

    /** What every proof of this election is bound to: the group and the manifest hash. */
    public ProofContext proofContext() {
        return new ProofContext(P256Group.instance(), manifest.hash());
    }
}
