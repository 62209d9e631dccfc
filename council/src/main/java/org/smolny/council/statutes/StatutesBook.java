package org.smolny.council.statutes;

import org.smolny.council.event.CouncilEvent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The statutes in force: a projection of {@code statutes.adopted} and {@code statutes.amended}. Not thread-safe. */
public final class StatutesBook {

    private Statutes current;
    private Instant inForceSince;

    /** The statutes in force, if the organisation has adopted any. */
    public Optional<Statutes> current() {
        return Optional.ofNullable(current);
    }

    /** When the statutes in force were adopted or last amended. */
    public Optional<Instant> inForceSince() {
        return Optional.ofNullable(inForceSince);
    }

    public void apply(CouncilEvent event, Instant at) {
        String text = switch (event) {
            case CouncilEvent.StatutesAdopted adopted -> adopted.text();
            case CouncilEvent.StatutesAmended amended -> amended.text();
            default -> null;
        };
        if (text == null) {
            return;
        }
        if (!(StatutesReader.read(text) instanceof StatutesCheck.Valid valid)) {
            throw new IllegalStateException("the record holds statutes that do not validate");
        }
        current = valid.statutes();
        inForceSince = at;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatutesBook that && Objects.equals(current, that.current)
                && Objects.equals(inForceSince, that.inForceSince);
    }

    @Override
    public int hashCode() {
        return Objects.hash(current, inForceSince);
    }
}
