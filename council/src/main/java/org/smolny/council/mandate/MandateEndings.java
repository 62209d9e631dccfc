package org.smolny.council.mandate;

import org.smolny.council.command.Context;
import org.smolny.council.election.ElectionId;
import org.smolny.council.election.ElectionKind;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.member.MemberId;
import org.smolny.council.statutes.PostRule;
import org.smolny.council.unit.UnitId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The events that follow when mandates end early: the mandate ends and, for an elective post, a by-election is scheduled. */
public final class MandateEndings {

    private MandateEndings() {
    }

    /** A by-election for the seat {@code mandate} leaves, held within the statutory period. */
    public static CouncilEvent.ElectionScheduled byElection(Context context, Mandate mandate) {
        return new CouncilEvent.ElectionScheduled(new ElectionId(context.newId()), mandate.post(), mandate.unit(), 1,
                ElectionKind.BY_ELECTION, context.daysLater(context.statutes().recall().byElectionDays()));
    }

    /** Every mandate {@code member} holds ends (they left the organisation), with by-elections for elective posts. */
    public static List<CouncilEvent> relinquishAll(Context context, MemberId member, String reason) {
        return relinquish(context, new ArrayList<>(context.state().mandates().heldBy(member)), reason);
    }

    /**
     * The mandates {@code member} holds in units that {@code newUnit} is not part of end (they moved away from the
     * electors who gave them), with by-elections for elective posts.
     */
    public static List<CouncilEvent> relinquishOutside(Context context, MemberId member, UnitId newUnit, String reason) {
        List<Mandate.Active> outside = new ArrayList<>();
        for (Mandate.Active mandate : context.state().mandates().heldBy(member)) {
            if (!context.state().units().isWithin(newUnit, mandate.unit())) {
                outside.add(mandate);
            }
        }
        return relinquish(context, outside, reason);
    }

    private static List<CouncilEvent> relinquish(Context context, List<Mandate.Active> held, String reason) {
        List<CouncilEvent> events = new ArrayList<>();
        held.sort(Comparator.comparing(mandate -> mandate.id().value()));
        for (Mandate.Active mandate : held) {
            events.add(new CouncilEvent.MandateRelinquished(mandate.id(), mandate.unit(), reason));
            if (context.statutes().post(mandate.post()).map(PostRule::elective).orElse(false)) {
                events.add(byElection(context, mandate));
            }
        }
        return events;
    }
}
