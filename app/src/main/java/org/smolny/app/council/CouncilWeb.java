package org.smolny.app.council;

import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CouncilService;
import org.smolny.record.store.RecordStore;
import org.smolny.web.Feature;
import org.smolny.web.auth.PasswordHasher;
import org.smolny.web.auth.Sessions;
import org.smolny.web.council.CouncilApi;
import org.smolny.web.council.CouncilPages;

import java.time.InstantSource;
import java.util.List;

/** Assembles the council's web features (API, sign-in and pages) over an open record store. Stateless. */
public final class CouncilWeb {

    private CouncilWeb() {
    }

    /**
     * The council's API and pages over {@code store}, sharing one set of sessions, with Argon2id hashing at its
     * production parameters. The record must hold only valid council entries besides other modules' entries.
     */
    public static List<Feature> features(RecordStore store) {
        CouncilService council = CouncilService.open(store, InstantSource.system());
        PasswordHasher hasher = new PasswordHasher();
        Sessions sessions = new Sessions(new Accounts(council), hasher, InstantSource.system());
        return List.of(new CouncilApi(council, sessions, hasher), new CouncilPages(council, sessions));
    }
}
