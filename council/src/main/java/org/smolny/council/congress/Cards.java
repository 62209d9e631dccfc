package org.smolny.council.congress;

import org.smolny.council.command.Context;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.unit.UnitId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many members each delegate represents, for card votes: the full members (past probation) of the unit that
 * elected them, shared equally among that unit's delegates in force, the remainder going one each to the delegates
 * whose mandates are oldest (lowest UUIDv7). Reads the state. Stateless.
 */
public final class Cards {

    private Cards() {
    }

    /** The mandates in force of {@code post} in {@code unit} and the units below it, oldest first. */
    public static List<Mandate.Active> delegates(Context context, String post, UnitId unit) {
        List<Mandate.Active> delegates = new ArrayList<>();
        for (Mandate mandate : context.state().mandates().all()) {
            if (mandate instanceof Mandate.Active active && active.post().equals(post)
                    && context.state().units().isWithin(active.unit(), unit)) {
                delegates.add(active);
            }
        }
        delegates.sort(Comparator.comparing(mandate -> mandate.id().value()));
        return delegates;
    }

    /** The cards of the delegate holding {@code mandate}, a mandate in force of {@code post}. */
    public static long of(Context context, Mandate.Active mandate) {
        List<MandateId> unitDelegates = context.state().mandates().activeFor(mandate.post(), mandate.unit()).stream()
                .map(Mandate.Active::id).sorted(Comparator.comparing(MandateId::value)).toList();
        int members = context.electorates().fullMembers(mandate.unit(), context.now());
        int share = members / unitDelegates.size();
        int remainder = members % unitDelegates.size();
        return share + (unitDelegates.indexOf(mandate.id()) < remainder ? 1 : 0);
    }

    /** The cards of every delegate entitled to sit: all the members the congress represents. */
    public static long entitled(Context context, String post, UnitId unit) {
        long total = 0;
        for (Mandate.Active mandate : delegates(context, post, unit)) {
            total += of(context, mandate);
        }
        return total;
    }
}
