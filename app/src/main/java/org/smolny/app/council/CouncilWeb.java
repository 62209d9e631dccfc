package org.smolny.app.council;

import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CouncilService;
import org.smolny.record.store.RecordStore;
import org.smolny.web.Feature;
import org.smolny.web.auth.PasswordHasher;
import org.smolny.web.auth.Sessions;
import org.smolny.web.congress.CongressBroadcaster;
import org.smolny.web.congress.CongressFeature;
import org.smolny.web.council.CouncilApi;
import org.smolny.web.council.CouncilPages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * The council's web features (API, sign-in, pages and the congress) over an open record store, with what they need
 * running beside them: the council's clock and the congress's event broadcaster. Closing it stops both (the store
 * stays open: its owner closes it). Thread-safe.
 */
public final class CouncilWeb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CouncilWeb.class);

    private final ScheduledExecutorService clock;
    private final CongressBroadcaster broadcaster;
    private final List<Feature> features;

    private CouncilWeb(ScheduledExecutorService clock, CongressBroadcaster broadcaster, List<Feature> features) {
        this.clock = clock;
        this.broadcaster = broadcaster;
        this.features = features;
    }

    /**
     * Opens the council on {@code store} (folding its record; throws if the record holds entries the council cannot
     * read), starts its clock and assembles its features, sharing one set of sessions, with Argon2id hashing at its
     * production parameters.
     */
    public static CouncilWeb open(RecordStore store) {
        CouncilService council = CouncilService.open(store, InstantSource.system());
        PasswordHasher hasher = new PasswordHasher();
        Sessions sessions = new Sessions(new Accounts(council), hasher, InstantSource.system());
        CongressBroadcaster broadcaster = new CongressBroadcaster();
        List<Feature> features = List.of(new CouncilApi(council, sessions, hasher), new CouncilPages(council, sessions),
                new CongressFeature(council, sessions, broadcaster), new org.smolny.web.secret.SecretBallotsApi(council));
        return new CouncilWeb(startClock(council), broadcaster, features);
    }

    /** Lets time act every minute (expiries, lapses, overdue meetings go on the record), on a daemon thread. */
    private static ScheduledExecutorService startClock(CouncilService council) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().daemon(true).name("council-clock").unstarted(runnable));
        clock.scheduleWithFixedDelay(() -> {
            try {
                council.tick();
            } catch (RuntimeException failed) {
                LOG.error("The council's clock tick failed; it is tried again in a minute", failed);
            }
        }, 0, 1, TimeUnit.MINUTES);
        return clock;
    }

    /** The features to serve. */
    public List<Feature> features() {
        return features;
    }

    /** Stops the clock (waiting for a tick under way, so nothing writes to the store after this returns) and the broadcaster. */
    @Override
    public void close() {
        clock.shutdownNow();
        try {
            if (!clock.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The council's clock tick did not end within 30 s of closing");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            broadcaster.close();
        }
    }
}
