package org.smolny.council.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The type name of every council event, in one place: {@code noun.past-tense-verb}, as written in the entry
 * envelope's {@code type}. Immutable; thread-safe.
 */
public final class EventTypes {

    /**
     * Entry types that share the organisation's record but belong to another module, so the council knows them and
     * folds past them: they change no council state. The secret ballot's board entries (the {@code ballot} module,
     * written by the web's ballot box): {@code ballot.cast} and {@code ballot.challenged}. Every type neither listed
     * here nor a council event type is unknown, and an unknown type is an error, never skipped.
     */
    public static final Set<String> FOREIGN = Set.of("ballot.cast", "ballot.challenged");

    private static final Map<String, Class<? extends CouncilEvent>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<? extends CouncilEvent>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        type("statutes.adopted", CouncilEvent.StatutesAdopted.class);
        type("statutes.amended", CouncilEvent.StatutesAmended.class);
        type("unit.founded", CouncilEvent.UnitFounded.class);
        type("member.admitted", CouncilEvent.MemberAdmitted.class);
        type("member.transferred", CouncilEvent.MemberTransferred.class);
        type("member.resigned", CouncilEvent.MemberResigned.class);
        type("member.lapsed", CouncilEvent.MemberLapsed.class);
        type("member.expelled", CouncilEvent.MemberExpelled.class);
        type("member.reinstated", CouncilEvent.MemberReinstated.class);
        type("charge.brought", CouncilEvent.ChargeBrought.class);
        type("charge.notified", CouncilEvent.ChargeNotified.class);
        type("charge.heard", CouncilEvent.ChargeHeard.class);
        type("charge.decided", CouncilEvent.ChargeDecided.class);
        type("appeal.lodged", CouncilEvent.AppealLodged.class);
        type("appeal.decided", CouncilEvent.AppealDecided.class);
        type("election.scheduled", CouncilEvent.ElectionScheduled.class);
        type("election.held", CouncilEvent.ElectionHeld.class);
        type("open-ballots.recorded", CouncilEvent.NamedBallotsRecorded.class);
        type("mandate.conferred", CouncilEvent.MandateConferred.class);
        type("mandate.expired", CouncilEvent.MandateExpired.class);
        type("mandate.recalled", CouncilEvent.MandateRecalled.class);
        type("mandate.relinquished", CouncilEvent.MandateRelinquished.class);
        type("instruction.given", CouncilEvent.InstructionGiven.class);
        type("delegate-vote.recorded", CouncilEvent.DelegateVoteRecorded.class);
        type("recall-petition.opened", CouncilEvent.RecallPetitionOpened.class);
        type("recall-petition.signed", CouncilEvent.RecallPetitionSigned.class);
        type("recall-petition.succeeded", CouncilEvent.RecallPetitionSucceeded.class);
        type("recall-petition.lapsed", CouncilEvent.RecallPetitionLapsed.class);
        type("recall-vote.opened", CouncilEvent.RecallVoteOpened.class);
        type("recall-vote.cast", CouncilEvent.RecallVoteCast.class);
        type("recall-vote.decided", CouncilEvent.RecallVoteDecided.class);
        type("median-wage.declared", CouncilEvent.MedianWageDeclared.class);
        type("payment.recorded", CouncilEvent.PaymentRecorded.class);
        type("emergency-powers.granted", CouncilEvent.EmergencyPowersGranted.class);
        type("emergency-powers.ratified", CouncilEvent.EmergencyPowersRatified.class);
        type("emergency-powers.expired", CouncilEvent.EmergencyPowersExpired.class);
        type("meeting.held", CouncilEvent.MeetingHeld.class);
        type("meeting.flagged-overdue", CouncilEvent.MeetingFlaggedOverdue.class);
        type("convening-petition.opened", CouncilEvent.ConveningPetitionOpened.class);
        type("convening-petition.signed", CouncilEvent.ConveningPetitionSigned.class);
        type("meeting.convened", CouncilEvent.MeetingConvened.class);
        type("initiative.opened", CouncilEvent.InitiativeOpened.class);
        type("initiative.supported", CouncilEvent.InitiativeSupported.class);
        type("initiative.tabled", CouncilEvent.InitiativeTabled.class);
        type("initiative.lapsed", CouncilEvent.InitiativeLapsed.class);
        org.smolny.council.congress.CongressEvent.TYPES.forEach(EventTypes::type);
        org.smolny.council.secret.SecretBallotEvent.TYPES.forEach(EventTypes::type);
    }

    private EventTypes() {
    }

    private static void type(String name, Class<? extends CouncilEvent> type) {
        if (FOREIGN.contains(name)) {
            throw new IllegalStateException("a council event type is listed as another module's: " + name);
        }
        if (BY_NAME.put(name, type) != null || BY_CLASS.put(type, name) != null) {
            throw new IllegalStateException("event type listed twice: " + name);
        }
    }

    /** The type name of {@code event}. */
    public static String nameOf(CouncilEvent event) {
        String name = BY_CLASS.get(event.getClass());
        if (name == null) {
            throw new IllegalStateException("event class without a type name: " + event.getClass().getName());
        }
        return name;
    }

    /** The event class for type {@code name}, if it is a council event type. */
    public static Optional<Class<? extends CouncilEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether {@code name} is an entry type of another module on the same record (see {@link #FOREIGN}). */
    public static boolean isForeign(String name) {
        return FOREIGN.contains(name);
    }

    /** Every type name with its class, in the order listed. */
    public static Map<String, Class<? extends CouncilEvent>> all() {
        return Map.copyOf(BY_NAME);
    }
}
