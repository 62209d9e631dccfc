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

/** Assembles the council's web features (API, sign-in and pages) over an open record store. Stateless. */
public final class CouncilWeb {

    private static final Logger LOG = LoggerFactory.getLogger(CouncilWeb.class);

    private CouncilWeb() {
    }

    /** Lets time act every minute (expiries, lapses, overdue meetings go on the record), on a daemon thread. */
    static void startClock(CouncilService council) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().daemon(true).name("council-clock").unstarted(runnable));
        clock.scheduleWithFixedDelay(() -> {
            try {
                council.tick();
            } catch (RuntimeException failed) {
                LOG.error("The council's clock tick failed; it is tried again in a minute", failed);
            }
        }, 0, 1, TimeUnit.MINUTES);
    }

    /**
     * The council's API and pages over {@code store}, sharing one set of sessions, with Argon2id hashing at its
     * production parameters. The record must hold only valid council entries besides other modules' entries.
     */
    public static List<Feature> features(RecordStore store) {
        CouncilService council = CouncilService.open(store, InstantSource.system());
        startClock(council);
        PasswordHasher hasher = new PasswordHasher();
        Sessions sessions = new Sessions(new Accounts(council), hasher, InstantSource.system());
        return List.of(new CouncilApi(council, sessions, hasher), new CouncilPages(council, sessions),
                new CongressFeature(council, sessions, new CongressBroadcaster()));
    }
}
