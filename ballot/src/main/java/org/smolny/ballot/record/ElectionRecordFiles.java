package org.smolny.ballot.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;

/**
 * The election record as files in one directory (ballot spec §10): manifest.json, ceremony.json, joint-key.json,
 * credentials.json, board.jsonl (one entry per line, in board order), tally.json, decryption.json. Every file is
 * written to a temporary name and moved into place, so a reader never sees half a file. Stateless.
 */
public final class ElectionRecordFiles {
    public static final String MANIFEST = "manifest.json";
    public static final String CEREMONY = "ceremony.json";
    public static final String JOINT_KEY = "joint-key.json";
    public static final String CREDENTIALS = "credentials.json";
    public static final String BOARD = "board.jsonl";
    public static final String TALLY = "tally.json";
    public static final String DECRYPTION = "decryption.json";

    private final Path dir;
    private final RecordCodec codec;

    public ElectionRecordFiles(Path dir, Group group) {
        this.dir = dir;
        this.codec = new RecordCodec(group);
    }

    public Path dir() {
        return dir;
    }

    public RecordCodec codec() {
        return codec;
    }

    public boolean exists(String file) {
        return Files.isRegularFile(dir.resolve(file));
    }

    // ---- writing

    public void writeManifest(Manifest manifest) {
        writeBytes(MANIFEST, manifest.canonicalJson());
    }

    public void writeCeremony(CeremonyTranscript ceremony) {
        ObjectNode o = RecordCodec.object();
        o.put("v", 1);
        ArrayNode a = o.putArray("announcements");
        ceremony.announcements().forEach(x -> a.add(codec.announcement(x)));
        ArrayNode s = o.putArray("shares");
        ceremony.shares().forEach(x -> s.add(codec.share(x)));
        ArrayNode c = o.putArray("confirmations");
        ceremony.confirmations().forEach(x -> c.add(codec.confirmation(x)));
        writeJson(CEREMONY, o);
    }

    public void writeJointKey(JointKeyRecord key) {
        ObjectNode o = RecordCodec.object();
        o.put("v", 1);
        o.put("jointKey", RecordCodec.hex(key.jointKey()));
        ArrayNode a = o.putArray("verificationKeys");
        key.verificationKeys().forEach((i, x) -> {
            ObjectNode e = a.addObject();
            e.put("index", i);
            e.put("key", RecordCodec.hex(x));
        });
        writeJson(JOINT_KEY, o);
    }

    public void writeCredentials(List<PublicCredential> credentials) {
        writeJson(CREDENTIALS, codec.credentials(credentials));
    }

    public void writeBoard(List<BoardEntry> entries) {
        write(BOARD, writer -> {
            try {
                for (BoardEntry e : entries) {
                    writer.write(RecordCodec.write(codec.boardEntry(e)));
                    writer.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public void writeTally(EncryptedTally tally) {
        writeJson(TALLY, codec.tally(tally));
    }

    public void writeDecryption(DecryptionRecord decryption) {
        ObjectNode o = RecordCodec.object();
        o.put("v", 1);
        ArrayNode p = o.putArray("partials");
        decryption.partials().forEach(x -> p.add(codec.partial(x)));
        ArrayNode t = o.putArray("trustees");
        decryption.trustees().forEach(t::add);
        ArrayNode c = o.putArray("counts");
        decryption.counts().forEach(row -> {
            ArrayNode a = c.addArray();
            row.forEach(a::add);
        });
        writeJson(DECRYPTION, o);
    }

    private void writeJson(String file, JsonNode node) {
        writeBytes(file, (RecordCodec.write(node) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(String file, byte[] bytes) {
        write(file, writer -> {
            try {
                writer.write(new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void write(String file, Consumer<BufferedWriter> body) {
        try (StreamedFile out = stream(file)) {
            body.accept(out.writer);
            out.publish();
        }
    }

    /**
     * Starts writing {@code file} as a stream (for files too large to build in memory, such as the board of a
     * simulated election): the text goes to a temporary file in the directory, which {@link StreamedFile#publish()}
     * syncs and moves into place; closing it unpublished deletes it, so a reader never sees half a file.
     */
    public StreamedFile stream(String file) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            return new StreamedFile(dir.resolve(file), tmp,
                    new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(tmp),
                            StandardCharsets.UTF_8), 1 << 20));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    /** A record file being written; see {@link #stream(String)}. Not thread-safe. */
    public static final class StreamedFile implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final BufferedWriter writer;
        private boolean open = true;

        private StreamedFile(Path target, Path tmp, BufferedWriter writer) {
            this.target = target;
            this.tmp = tmp;
            this.writer = writer;
        }

        /** Appends text. */
        public void write(CharSequence text) {
            try {
                writer.append(text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }

        /** Flushes, syncs and moves the file into place. */
        public void publish() {
            try {
                writer.close();
                open = false;
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(tmp,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }

        /** Deletes the temporary file if it was not published. */
        @Override
        public void close() {
            try {
                if (open) {
                    writer.close();
                    open = false;
                }
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + tmp + ": " + e.getMessage(), e);
            }
        }
    }

    // ---- reading; every method throws RecordFormatException naming the file and place

    public byte[] manifestBytes() {
        return readBytes(MANIFEST);
    }

    public Manifest readManifest() {
        try {
            return Manifest.parse(manifestBytes());
        } catch (RecordFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(MANIFEST + ": " + e.getMessage());
        }
    }

    public CeremonyTranscript readCeremony() {
        JsonReader r = root(CEREMONY);
        r.version();
        return RecordFormatException.at(CEREMONY, () -> new CeremonyTranscript(
                r.field("announcements").list((a, i) -> codec.announcement(a)),
                r.field("shares").list((s, i) -> codec.share(s)),
                r.field("confirmations").list((c, i) -> codec.confirmation(c))));
    }

    public JointKeyRecord readJointKey() {
        JsonReader r = root(JOINT_KEY);
        r.version();
        Group group = codecGroup();
        Map<Integer, GroupElement> keys = new TreeMap<>();
        r.field("verificationKeys").list((e, i) -> {
            int index = e.field("index").smallInt();
            if (keys.put(index, e.field("key").element(group)) != null) {
                throw e.error("trustee " + index + " appears twice");
            }
            return index;
        });
        return new JointKeyRecord(r.field("jointKey").element(group), keys);
    }

    public List<PublicCredential> readCredentials() {
        List<PublicCredential> out = new java.util.ArrayList<>();
        forEachCredential(out::add);
        return out;
    }

    /**
     * Reads credentials.json (§10.3) credential by credential with a streaming parser, so that a list of millions of
     * voters is never held as a JSON tree; each credential is validated as {@link RecordCodec#credential} does and
     * handed to {@code each} in file order. Throws {@link RecordFormatException} naming the place of the first problem.
     */
    public void forEachCredential(Consumer<PublicCredential> each) {
        String where = CREDENTIALS;
        try (com.fasterxml.jackson.core.JsonParser parser = RecordCodec.JSON.createParser(
                Files.newInputStream(dir.resolve(CREDENTIALS)))) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new RecordFormatException(where + ": is not an object");
            }
            boolean versioned = false;
            boolean listed = false;
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                if (name.equals("v")) {
                    JsonNode v = parser.readValueAsTree();
                    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
                        throw new RecordFormatException(where + ".v: must be an integer");
                    }
                    if (v.asLong() != 1) {
                        throw new RecordFormatException(where + ": unknown version, expected \"v\":1");
                    }
                    versioned = true;
                } else if (name.equals("credentials")) {
                    if (value != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                        throw new RecordFormatException(where + ".credentials: must be an array");
                    }
                    int i = 0;
                    while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                        JsonNode item = parser.readValueAsTree();
                        String at = where + ".credentials[" + i++ + "]";
                        JsonReader reader = new JsonReader(item, at);
                        each.accept(RecordFormatException.at(at, () -> codec.credential(reader)));
                    }
                    listed = true;
                } else {
                    parser.skipChildren();
                }
            }
            if (!versioned) {
                throw new RecordFormatException(where + ": missing field \"v\"");
            }
            if (!listed) {
                throw new RecordFormatException(where + ": missing field \"credentials\"");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RecordFormatException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new RecordFormatException(where + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public EncryptedTally readTally() {
        return RecordFormatException.at(TALLY, () -> codec.tally(root(TALLY)));
    }

    public DecryptionRecord readDecryption() {
        JsonReader r = root(DECRYPTION);
        r.version();
        return RecordFormatException.at(DECRYPTION, () -> new DecryptionRecord(
                r.field("partials").list((p, i) -> codec.partial(p)),
                r.field("trustees").list((t, i) -> t.smallInt()),
                r.field("counts").list((row, i) -> row.list((v, j) -> v.integer()))));
    }

    /** Opens board.jsonl for reading line by line (the verifier streams it). */
    public BufferedReader openBoard() {
        try {
            return Files.newBufferedReader(dir.resolve(BOARD), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecordFormatException(BOARD + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Parses one line of board.jsonl; {@code lineNumber} counts from 1. */
    public BoardEntry parseBoardLine(String line, long lineNumber) {
        String where = BOARD + " line " + lineNumber;
        JsonReader r = new JsonReader(RecordCodec.parse(where, line), where);
        return RecordFormatException.at(where, () -> codec.boardEntry(r));
    }

    /** Reads the whole board into memory (small elections and tests). */
    public List<BoardEntry> readBoard() {
        try (BufferedReader reader = openBoard()) {
            java.util.ArrayList<BoardEntry> out = new java.util.ArrayList<>();
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                out.add(parseBoardLine(line, ++n));
            }
            return out;
        } catch (IOException e) {
            throw new RecordFormatException(BOARD + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private Group codecGroup() {
        return codec.group();
    }

    private JsonReader root(String file) {
        return new JsonReader(RecordCodec.parse(file, new String(readBytes(file), StandardCharsets.UTF_8)), file);
    }

    private byte[] readBytes(String file) {
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new RecordFormatException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

}
