package org.smolny.app.council;

import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CouncilService;
import org.smolny.record.store.RecordStore;
import org.smolny.web.Feature;
import org.smolny.web.auth.PasswordHasher;
import org.smolny.web.auth.Sessions;
import org.smolny.web.council.CouncilApi;

import java.time.InstantSource;

/** Assembles the council's web feature (API and sign-in) over an open record store. Stateless. */
public final class CouncilWeb {

    private CouncilWeb() {
    }

    /** The council API over {@code store}, with sessions and Argon2id hashing at their production parameters. */
    public static Feature feature(RecordStore store) {
        CouncilService council = CouncilService.open(store, InstantSource.system());
        PasswordHasher hasher = new PasswordHasher();
        return new CouncilApi(council, new Sessions(new Accounts(council), hasher, InstantSource.system()), hasher);
    }
}
