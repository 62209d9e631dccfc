package org.smolny.council.expulsion;

import org.smolny.council.event.CouncilEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every charge at its step of due process: a projection of the {@code charge.*} and {@code appeal.*} events. Not thread-safe. */
public final class Charges {

    private final Map<ChargeId, Charge> charges = new HashMap<>();

    public Optional<Charge> find(ChargeId id) {
        return Optional.ofNullable(charges.get(id));
    }

    public Collection<Charge> all() {
        return Collections.unmodifiableCollection(charges.values());
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.ChargeBrought brought ->
                    charges.put(brought.charge(), new Charge.Brought(brought.charge(), brought.member(), brought.unit()));
            case CouncilEvent.ChargeNotified notified -> {
                Charge charge = charges.get(notified.charge());
                charges.put(charge.id(), new Charge.Notified(charge.id(), charge.member(), charge.unit(), notified.hearingAt()));
            }
            case CouncilEvent.ChargeHeard heard -> {
                Charge charge = charges.get(heard.charge());
                charges.put(charge.id(), new Charge.Heard(charge.id(), charge.member(), charge.unit()));
            }
            case CouncilEvent.ChargeDecided decided -> {
                Charge charge = charges.get(decided.charge());
                if (!decided.expelled()) {
                    charges.put(charge.id(), new Charge.Dismissed(charge.id(), charge.member(), charge.unit()));
                }
            }
            case CouncilEvent.MemberExpelled expelled -> {
                Charge charge = charges.get(expelled.charge());
                charges.put(charge.id(), new Charge.Expelled(charge.id(), charge.member(), charge.unit(), expelled.appealUntil()));
            }
            case CouncilEvent.AppealLodged lodged -> {
                Charge charge = charges.get(lodged.charge());
                charges.put(charge.id(), new Charge.Appealed(charge.id(), charge.member(), charge.unit()));
            }
            case CouncilEvent.AppealDecided decided -> {
                Charge charge = charges.get(decided.charge());
                charges.put(charge.id(), new Charge.AppealDecided(charge.id(), charge.member(), charge.unit(), decided.reinstated()));
            }
            default -> {
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Charges that && charges.equals(that.charges);
    }

    @Override
    public int hashCode() {
        return charges.hashCode();
    }
}
