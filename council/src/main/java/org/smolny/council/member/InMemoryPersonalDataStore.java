package org.smolny.council.member;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PersonalDataStore} in memory, for tests and demos. Thread-safe. */
public final class InMemoryPersonalDataStore implements PersonalDataStore {

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<MemberId, Opening> openings = new ConcurrentHashMap<>();

    @Override
    public Commitment store(MemberId member, PersonalData data) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        Opening opening = new Opening(salt, data);
        openings.put(member, opening);
        return opening.commitment();
    }

    @Override
    public Optional<PersonalData> find(MemberId member) {
        return Optional.ofNullable(openings.get(member)).map(Opening::data);
    }

    @Override
    public Optional<Opening> opening(MemberId member) {
        return Optional.ofNullable(openings.get(member));
    }

    @Override
    public boolean erase(MemberId member) {
        return openings.remove(member) != null;
    }
}
