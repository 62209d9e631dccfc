package org.smolny.council.member;

import java.util.Optional;

/**
 * The erasable store of members' personal data, kept apart from the permanent record.
 * The record holds only each member's pseudonymous id and the {@link Commitment}; erasing removes the data
 * and the salt, so the commitment stays on the record but can no longer be opened.
 * Implementations say whether they are thread-safe.
 */
public interface PersonalDataStore {

    /** Stores {@code data} for {@code member} under a fresh random salt and returns the commitment for the record. */
    Commitment store(MemberId member, PersonalData data);

    /** The member's personal data, unless erased or never stored. */
    Optional<PersonalData> find(MemberId member);

    /** The salt and data that open the member's commitment, unless erased. */
    Optional<Opening> opening(MemberId member);

    /** Erases the member's personal data and salt; returns whether there was anything to erase. */
    boolean erase(MemberId member);
}
