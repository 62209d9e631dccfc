package org.smolny.ballot.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeConfirmation;

/**
 * The folder through which trustees exchange the public messages of the ceremony and their partial decryptions
 * (ballot spec §10.6): {@code ceremony/announcement-i.json}, {@code ceremony/shares-i.json} (i's encrypted shares to
 * the others), {@code ceremony/confirmation-i.json}, {@code decryption/partial-i.json}. Nothing secret passes through
 * it unencrypted. Stateless.
 */
public final class CeremonyExchange {
    private final Path electionDir;
    private final RecordCodec codec;

    public CeremonyExchange(Path electionDir, RecordCodec codec) {
        this.electionDir = electionDir;
        this.codec = codec;
    }

    private Path file(String folder, String name) {
        return electionDir.resolve(folder).resolve(name);
    }

    public Path announcementFile(int i) {
        return file("ceremony", "announcement-" + i + ".json");
    }

    public Path sharesFile(int i) {
        return file("ceremony", "shares-" + i + ".json");
    }

    public Path confirmationFile(int i) {
        return file("ceremony", "confirmation-" + i + ".json");
    }

    public Path partialFile(int i) {
        return file("decryption", "partial-" + i + ".json");
    }

    public void writeAnnouncement(TrusteeAnnouncement a) {
        ObjectNode o = codec.announcement(a);
        o.put("v", 1);
        write(announcementFile(a.index()), o);
    }

    public void writeShares(int sender, List<EncryptedShare> shares) {
        ObjectNode o = RecordCodec.object();
        o.put("v", 1);
        o.put("sender", sender);
        ArrayNode a = o.putArray("shares");
        shares.forEach(s -> a.add(codec.share(s)));
        write(sharesFile(sender), o);
    }

    public void writeConfirmation(TrusteeConfirmation c) {
        ObjectNode o = codec.confirmation(c);
        o.put("v", 1);
        write(confirmationFile(c.index()), o);
    }

    public void writePartial(PartialDecryption p) {
        ObjectNode o = codec.partial(p);
        o.put("v", 1);
        write(partialFile(p.trustee()), o);
    }

    /** The announcements of trustees 1..n; throws naming the first missing or unreadable file. */
    public List<TrusteeAnnouncement> readAnnouncements(int trustees) {
        List<TrusteeAnnouncement> out = new ArrayList<>();
        for (int i = 1; i <= trustees; i++) {
            Path f = announcementFile(i);
            JsonReader r = read(f);
            TrusteeAnnouncement a = RecordFormatException.at(f.toString(), () -> codec.announcement(r));
            if (a.index() != i) {
                throw new RecordFormatException(f + ": announces index " + a.index() + ", expected " + i);
            }
            out.add(a);
        }
        return out;
    }

    public List<EncryptedShare> readShares(int trustees) {
        List<EncryptedShare> out = new ArrayList<>();
        for (int i = 1; i <= trustees; i++) {
            Path f = sharesFile(i);
            JsonReader r = read(f);
            int sender = i;
            out.addAll(RecordFormatException.at(f.toString(), () -> r.field("shares").list((s, j) -> {
                EncryptedShare share = codec.share(s);
                if (share.sender() != sender) {
                    throw s.error("a share from trustee " + share.sender() + " in trustee " + sender + "'s file");
                }
                return share;
            })));
        }
        return out;
    }

    public List<TrusteeConfirmation> readConfirmations(int trustees) {
        List<TrusteeConfirmation> out = new ArrayList<>();
        for (int i = 1; i <= trustees; i++) {
            Path f = confirmationFile(i);
            JsonReader r = read(f);
            out.add(RecordFormatException.at(f.toString(), () -> codec.confirmation(r)));
        }
        return out;
    }

    /** The partial decryptions present in decryption/ (any trustees; missing ones are simply absent). */
    public List<PartialDecryption> readPartials(int trustees) {
        List<PartialDecryption> out = new ArrayList<>();
        for (int i = 1; i <= trustees; i++) {
            Path f = partialFile(i);
            if (Files.isRegularFile(f)) {
                JsonReader r = read(f);
                out.add(RecordFormatException.at(f.toString(), () -> codec.partial(r)));
            }
        }
        return out;
    }

    private JsonReader read(Path f) {
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            JsonReader r = new JsonReader(RecordCodec.parse(f.toString(), text), f.toString());
            r.version();
            return r;
        } catch (IOException e) {
            throw new RecordFormatException(f + ": cannot read (" + e.getMessage() + ")");
        }
    }


    private static void write(Path f, ObjectNode o) {
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling("." + f.getFileName() + ".tmp");
            Files.writeString(tmp, RecordCodec.write(o) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }
}
