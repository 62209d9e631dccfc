package org.smolny.council.unit;

import org.smolny.council.event.CouncilEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The tree of units: a projection of {@code unit.founded}. Not thread-safe. */
public final class Units {

    private final Map<UnitId, Unit> units = new HashMap<>();
    private final Map<UnitId, List<UnitId>> children = new HashMap<>();
    private UnitId root;

    public Optional<Unit> find(UnitId id) {
        return Optional.ofNullable(units.get(id));
    }

    public Optional<Unit> root() {
        return Optional.ofNullable(root).map(units::get);
    }

    public Collection<Unit> all() {
        return Collections.unmodifiableCollection(units.values());
    }

    /** Whether {@code unit} is {@code ancestor} or lies below it. */
    public boolean isWithin(UnitId unit, UnitId ancestor) {
        UnitId current = unit;
        while (current != null) {
            if (current.equals(ancestor)) {
                return true;
            }
            Unit found = units.get(current);
            current = found == null ? null : found.parent();
        }
        return false;
    }

    /** {@code unit} and every unit below it. */
    public List<UnitId> subtree(UnitId unit) {
        List<UnitId> result = new ArrayList<>();
        Deque<UnitId> pending = new ArrayDeque<>();
        pending.push(unit);
        while (!pending.isEmpty()) {
            UnitId current = pending.pop();
            result.add(current);
            children.getOrDefault(current, List.of()).forEach(pending::push);
        }
        return result;
    }

    /** The units directly below {@code unit}. */
    public List<UnitId> children(UnitId unit) {
        return List.copyOf(children.getOrDefault(unit, List.of()));
    }

    public void apply(CouncilEvent event, Instant at) {
        if (event instanceof CouncilEvent.UnitFounded founded) {
            units.put(founded.unit(), new Unit(founded.unit(), founded.unitType(), founded.parent(), founded.name(), at));
            if (founded.parent() == null) {
                root = founded.unit();
            } else {
                children.computeIfAbsent(founded.parent(), parent -> new ArrayList<>()).add(founded.unit());
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Units that && units.equals(that.units) && children.equals(that.children)
                && Objects.equals(root, that.root);
    }

    @Override
    public int hashCode() {
        return units.hashCode();
    }
}
