package org.smolny.app.election;

import java.nio.file.Path;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.proof.ProofContext;
import org.smolny.ballot.record.CeremonyExchange;
import org.smolny.ballot.record.ElectionRecordFiles;

/** An election directory as the CLI commands use it: the record files and the trustees' exchange folders. */
public record ElectionDir(Path dir, ElectionRecordFiles files, Manifest manifest, ProofContext context,
                          CeremonyExchange exchange) {

    /** Opens DIR and reads its manifest.json; throws RecordFormatException naming the problem. */
    public static ElectionDir open(Path dir) {
        ElectionRecordFiles files = new ElectionRecordFiles(dir, P256Group.instance());
        Manifest manifest = files.readManifest();
        ProofContext context = new ProofContext(P256Group.instance(), manifest.hash());
        return new ElectionDir(dir, files, manifest, context, new CeremonyExchange(dir, files.codec()));
    }
}
