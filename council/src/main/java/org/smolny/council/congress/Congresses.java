package org.smolny.council.congress;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every congress: a projection of the congress events. Not thread-safe. */
public final class Congresses {

    private final Map<CongressId, Congress> congresses = new LinkedHashMap<>();

    public Optional<Congress> find(CongressId id) {
        return Optional.ofNullable(congresses.get(id));
    }

    /** Every congress, in the order convened. */
    public Collection<Congress> all() {
        return Collections.unmodifiableCollection(congresses.values());
    }

    /** The congress of {@code unit} convened and not yet closed, if any. */
    public Optional<Congress> sitting(UnitId unit) {
        return congresses.values().stream()
                .filter(congress -> congress.unit().equals(unit) && !(congress.phase() instanceof Congress.Closed))
                .findFirst();
    }

    public void apply(CouncilEvent event, Instant at) {
        if (!(event instanceof CongressEvent congressEvent)) {
            return;
        }
        if (congressEvent instanceof CongressEvent.CongressConvened convened) {
            congresses.put(convened.congress(), new Congress(convened));
            return;
        }
        Congress congress = congresses.get(congressEvent.congress());
        if (congress == null) {
            throw new IllegalStateException("event " + congressEvent + " names congress " + congressEvent.congress()
                    + ", which was never convened");
        }
        congress.apply(congressEvent, at);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Congresses that && congresses.equals(that.congresses);
    }

    @Override
    public int hashCode() {
        return congresses.keySet().hashCode();
    }
}
