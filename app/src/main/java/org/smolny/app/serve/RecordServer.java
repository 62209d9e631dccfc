package org.smolny.app.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.smolny.app.config.Database;
import org.smolny.app.council.CouncilWeb;
import org.smolny.app.config.SmolnyConfig;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.record.store.StoredCheckpoint;
import org.smolny.record.tiles.TileExporter;
import org.smolny.record.tiles.TilePaths;
import org.smolny.web.Feature;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.ballot.BallotPages;
import org.smolny.web.record.RecordPages;
import org.smolny.web.tiles.TileFiles;

/**
 * The record of a data folder served over HTTP: the SQLite record store {@code record.db},
 * the public keys ({@code keys/log.pub}, {@code keys/witnesses.pub}), the tlog-tiles export {@code tiles/}, and the web server in front of them. Closing it stops the
 * server, then closes the store (committing anything pending).
 *
 * <p>Thread-safe.
 */
public final class RecordServer implements AutoCloseable {

    /** The record's database file inside the data folder. */
    public static final String DATABASE = "record.db";

    /** The tlog-tiles export inside the data folder, served under {@code /tlog/}. */
    public static final String TILES = "tiles";

    private final RecordStore store;
    private final WebServer web;
    /** The council's features and their clock, when the council could be opened on the record. */
    private final Optional<CouncilWeb> council;
    private final SmolnyConfig config;
    private final CountDownLatch closed = new CountDownLatch(1);

    private final Optional<String> councilUnavailable;
    /** The open elections' ballot boxes, served by {@link BallotPages}. */
    private final ServedElections elections;

    private RecordServer(RecordStore store, WebServer web, Optional<CouncilWeb> council, SmolnyConfig config,
            Optional<String> councilUnavailable, ServedElections elections) {
        this.store = store;
        this.elections = elections;
        this.web = web;
        this.council = council;
        this.config = config;
        this.councilUnavailable = councilUnavailable;
    }

    /** The record database of a data folder. */
    public static Path database(Path dataDirectory) {
        return dataDirectory.resolve(DATABASE);
    }

    /** Opens the record store of a data folder's SQLite file (creating the database if it does not exist). */
    public static RecordStore openStore(Path dataDirectory) {
        return RecordStore.open(StoreConfig.sqlite(database(dataDirectory)));
    }

    /** Opens the configured record store: PostgreSQL if configured, otherwise the data folder's SQLite file (created if missing). */
    public static RecordStore openStore(SmolnyConfig config) {
        Database database = config.database();
        if (database.isSqlite()) {
            return openStore(config.dataDirectory());
        }
        return RecordStore.open(StoreConfig.postgresql(database.url(), database.user().isEmpty() ? null : database.user(),
                database.password().isEmpty() ? null : database.password()));
    }

    /**
     * Serves the configured record (the data folder's SQLite file, which must exist, or the PostgreSQL database).
     *
     * @throws IllegalStateException when the data folder holds no record (the message says how to make one)
     */
    public static RecordServer start(SmolnyConfig config) throws IOException {
        Path database = database(config.dataDirectory());
        if (config.database().isSqlite() && !Files.isRegularFile(database)) {
            throw new IllegalStateException("There is no record at " + database.toAbsolutePath()
                    + ": run 'smolny demo' for a demo record, or 'smolny record append --db " + database + "' to start one.");
        }
        RecordKeys keys = RecordKeys.load(config.dataDirectory());
        RecordStore store = openStore(config);
        return serve(config, store, keys);
    }

    /**
     * Serves an open store; the returned server owns it and closes it. First brings the tlog-tiles
     * export under {@code tiles/} up to the latest signed checkpoint, if it is behind.
     *
     * <p>The council's API and pages ({@link CouncilWeb}) are served beside the record whenever the council
     * can be opened on it: on a council record (council entries and other modules' known entries, such as ballots), and
     * on an empty record (an empty council, whose statutes are not adopted yet). A record the council cannot read (an
     * entry of a type no module knows, an entry with a council type whose body is not a valid council entry, entries of
     * two organisations) is still served as a record, without the council; the reason is in {@link #councilUnavailable()}.
     *
     * <p>Every open election under {@code elections/} in the data folder ({@link ServedElections}) is served by
     * {@link BallotPages} ({@code /ballot}), its ballots going on this record; a directory that cannot be opened is
     * left out, with the reason in {@link #electionsUnavailable()}.
     */
    public static RecordServer serve(SmolnyConfig config, RecordStore store, RecordKeys keys) throws IOException {
        try {
            Path tiles = config.dataDirectory().resolve(TILES);
            exportTilesIfBehind(store, tiles);
            List<Feature> features = new ArrayList<>(List.of(new RecordPages(new StoreRecordView(store, keys)), new TileFiles(tiles)));
            Optional<String> councilUnavailable;
            Optional<CouncilWeb> council;
            try {
                council = Optional.of(CouncilWeb.open(store));
                features.addAll(council.get().features());
                councilUnavailable = Optional.empty();
            } catch (RuntimeException unreadable) {
                council = Optional.empty();
                councilUnavailable = Optional.of("The council's pages and API are not served: the council cannot be opened on this record ("
                        + unreadable.getMessage() + "). The record's pages are served.");
            }
            ServedElections elections;
            try {
                elections = ServedElections.open(config.dataDirectory(), store, config.organisation());
            } catch (RuntimeException e) {
                council.ifPresent(CouncilWeb::close);
                throw e;
            }
            features.add(new BallotPages(elections.boxes()));
            WebServer web;
            try {
                web = WebServer.start(new WebSettings(config.listen().host(), config.listen().port(), config.organisation()),
                        List.copyOf(features));
            } catch (RuntimeException e) {
                try {
                    elections.close();
                } finally {
                    council.ifPresent(CouncilWeb::close);
                }
                throw e;
            }
            return new RecordServer(store, web, council, config, councilUnavailable, elections);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Exports the record as tlog-tiles up to its latest signed checkpoint, unless the export already ends there. */
    static void exportTilesIfBehind(RecordStore store, Path tiles) throws IOException {
        Optional<StoredCheckpoint> latest = store.latestCheckpoint();
        if (latest.isEmpty()) {
            return;
        }
        Path checkpoint = tiles.resolve(TilePaths.CHECKPOINT);
        String expected = latest.get().noteWithCosignatures();
        if (Files.isRegularFile(checkpoint) && Files.readString(checkpoint, StandardCharsets.UTF_8).equals(expected)) {
            return;
        }
        TileExporter.export(store, tiles);
    }

    /** The port it listens on (the chosen one if the configuration said port 0). */
    public int port() {
        return web.port();
    }

    /** The address to open in a browser. */
    public String url() {
        String host = config.listen().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    /** Why the council's API and pages are not served on this record, if they are not. */
    public Optional<String> councilUnavailable() {
        return councilUnavailable;
    }

    /** Why each election directory that is not served is not (one message each; empty when all are served). */
    public List<String> electionsUnavailable() {
        return elections.unavailable();
    }

    /** The store behind the pages. */
    public RecordStore store() {
        return store;
    }

    /** Blocks until {@link #close()} is called (by a shutdown hook, on Ctrl-C). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            web.close();
        } finally {
            try {
                try {
                    elections.close();
                } finally {
                    council.ifPresent(CouncilWeb::close);
                }
            } finally {
                store.close();
                closed.countDown();
            }
        }
    }
}
