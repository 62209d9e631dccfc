package org.smolny.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.smolny.record.store.RecordStore;
import org.smolny.web.ballot.BallotBox;
import org.smolny.web.ballot.OpenElection;

/**
 * The open elections of a data folder: every directory under {@code elections/} (an election record directory in the
 * ballot module's format, after {@code smolny election open}; its name is the election's id) opened as a
 * {@link BallotBox} on the record. A directory that cannot be opened is not served, and says why in
 * {@link #unavailable()}; the others are. A hidden directory (its name starts with a dot: one being made) is not an
 * election. While the server runs, the board of each is downloadable live from the record at
 * {@code /ballot/{id}/board.jsonl}; closing closes every box, then writes its board as {@code board.jsonl} into its
 * directory, for {@code smolny election tally} and {@code smolny verify election}. Thread-safe.
 */
public final class ServedElections implements AutoCloseable {

    /** The elections folder inside the data folder. */
    public static final String ELECTIONS = "elections";

    private final List<BallotBox> boxes;
    private final List<Path> directories;
    private final List<String> unavailable;

    private ServedElections(List<BallotBox> boxes, List<Path> directories, List<String> unavailable) {
        this.boxes = List.copyOf(boxes);
        this.directories = List.copyOf(directories);
        this.unavailable = List.copyOf(unavailable);
    }

    /** Opens the elections of {@code dataDirectory} on {@code store}; none when there is no {@code elections/} folder. */
    public static ServedElections open(Path dataDirectory, RecordStore store, String organisation) {
        Path folder = dataDirectory.resolve(ELECTIONS);
        List<BallotBox> boxes = new ArrayList<>();
        List<Path> served = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new ServedElections(boxes, served, unavailable);
        }
        List<Path> directories;
        try (Stream<Path> listing = Files.list(folder)) {
            directories = listing.filter(Files::isDirectory)
                    .filter(directory -> !directory.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the elections in " + folder + ": " + e.getMessage(), e);
        }
        for (Path directory : directories) {
            String id = directory.getFileName().toString();
            try {
                boxes.add(new BallotBox(OpenElection.fromRecordDirectory(id, directory), store, organisation, Clock.systemUTC()));
                served.add(directory);
            } catch (RuntimeException unreadable) {
                unavailable.add("The election '" + id + "' is not served: " + directory.toAbsolutePath()
                        + " cannot be opened as an open election record directory (" + unreadable.getMessage()
                        + "). The other elections and the record are served.");
            }
        }
        return new ServedElections(boxes, served, unavailable);
    }

    /** The ballot boxes served, in the order of their directories' names. */
    public List<BallotBox> boxes() {
        return boxes;
    }

    /** Why each election directory that is not served is not, one message per directory. */
    public List<String> unavailable() {
        return unavailable;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (int index = 0; index < boxes.size(); index++) {
            BallotBox box = boxes.get(index);
            try {
                box.close();
                box.writeBoard(directories.get(index));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
