package org.smolny.council.event;

import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;

/**
 * One act on the record: the envelope {@code {"v":1,"type":…,"org":…,"unit":…,"at":…,"by":…,"body":{…}}}.
 *
 * @param org the organisation
 * @param unit the unit the act concerns, or null for the organisation as a whole
 * @param at when it was recorded (UTC)
 * @param by the pseudonymous member who acted, or null for the system (for example, an expiry)
 * @param event the event (the envelope's body; its type name comes from {@link EventTypes})
 */
public record Entry(OrgId org, UnitId unit, Instant at, MemberId by, CouncilEvent event) {

    /** The envelope version this code writes and reads. */
    public static final int VERSION = 1;

    public Entry {
        if (org == null || at == null || event == null) {
            throw new IllegalArgumentException("an entry needs its organisation, time and event");
        }
        if (!java.util.Objects.equals(unit, event.unit())) {
            throw new IllegalArgumentException("the entry's unit " + unit + " differs from its event's unit " + event.unit());
        }
    }

    /** Wraps {@code event} in an envelope; the unit comes from the event. */
    public static Entry of(OrgId org, Instant at, MemberId by, CouncilEvent event) {
        return new Entry(org, event.unit(), at, by, event);
    }

    /** The type name, such as {@code member.admitted}. */
    public String type() {
        return EventTypes.nameOf(event);
    }
}
