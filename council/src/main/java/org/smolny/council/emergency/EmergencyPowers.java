package org.smolny.council.emergency;

import org.smolny.council.event.CouncilEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every grant of emergency powers: a projection of the {@code emergency-powers.*} events. Not thread-safe. */
public final class EmergencyPowers {

    private final Map<PowersId, Powers> powers = new HashMap<>();

    public Optional<Powers> find(PowersId id) {
        return Optional.ofNullable(powers.get(id));
    }

    public Collection<Powers> all() {
        return Collections.unmodifiableCollection(powers.values());
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.EmergencyPowersGranted granted -> powers.put(granted.powers(), new Powers.InForce(granted.powers(),
                    granted.unit(), granted.body(), granted.holder(), granted.scope(), at, granted.expiresAt(), false));
            case CouncilEvent.EmergencyPowersRatified ratified -> {
                Powers.InForce inForce = (Powers.InForce) powers.get(ratified.powers());
                powers.put(inForce.id(), new Powers.InForce(inForce.id(), inForce.unit(), inForce.body(), inForce.holder(),
                        inForce.scope(), inForce.grantedAt(), ratified.expiresAt(), true));
            }
            case CouncilEvent.EmergencyPowersExpired expired -> {
                Powers.InForce inForce = (Powers.InForce) powers.get(expired.powers());
                powers.put(inForce.id(), new Powers.Expired(inForce.id(), inForce.unit(), inForce.body(), inForce.holder(),
                        at, inForce.ratified()));
            }
            default -> {
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmergencyPowers that && powers.equals(that.powers);
    }

    @Override
    public int hashCode() {
        return powers.hashCode();
    }
}
