package org.smolny.council.projection;

import org.smolny.council.election.Elections;
import org.smolny.council.emergency.EmergencyPowers;
import org.smolny.council.event.Entry;
import org.smolny.council.expulsion.Charges;
import org.smolny.council.initiative.Initiatives;
import org.smolny.council.mandate.Mandates;
import org.smolny.council.meeting.Meetings;
import org.smolny.council.member.Members;
import org.smolny.council.recall.RecallPetitions;
import org.smolny.council.register.Register;
import org.smolny.council.statutes.StatutesBook;
import org.smolny.council.unit.Units;

import java.util.Objects;

/**
 * The whole state of an organisation, as a projection of its record: each concept's projection applies the events
 * it knows. {@link #rebuild} is a fold over the entries; two states built from the same entries are {@code equals}.
 * Not thread-safe: one writer applies entries in record order.
 */
public final class CouncilState {

    private final StatutesBook statutes = new StatutesBook();
    private final Units units = new Units();
    private final Members members = new Members();
    private final Charges charges = new Charges();
    private final Elections elections = new Elections();
    private final Mandates mandates = new Mandates();
    private final RecallPetitions recallPetitions = new RecallPetitions();
    private final Register register = new Register();
    private final EmergencyPowers emergencyPowers = new EmergencyPowers();
    private final Meetings meetings = new Meetings();
    private final Initiatives initiatives = new Initiatives();
    private final org.smolny.council.congress.Congresses congresses = new org.smolny.council.congress.Congresses();
    private final org.smolny.council.secret.SecretBallots secretBallots = new org.smolny.council.secret.SecretBallots();
    private long entries;

    /** The state the entries produce, applied in order. */
    public static CouncilState rebuild(Iterable<Entry> entries) {
        CouncilState state = new CouncilState();
        for (Entry entry : entries) {
            state.apply(entry);
        }
        return state;
    }

    /** Applies one entry (the next on the record). */
    public void apply(Entry entry) {
        statutes.apply(entry.event(), entry.at());
        units.apply(entry.event(), entry.at());
        members.apply(entry.event(), entry.at());
        charges.apply(entry.event(), entry.at());
        elections.apply(entry.event(), entry.at());
        mandates.apply(entry.event(), entry.at());
        recallPetitions.apply(entry.event(), entry.at());
        register.apply(entry.event(), entry.at());
        emergencyPowers.apply(entry.event(), entry.at());
        meetings.apply(entry.event(), entry.at());
        initiatives.apply(entry.event(), entry.at());
        congresses.apply(entry.event(), entry.at());
        secretBallots.apply(entry.event(), entry.at());
        entries++;
    }

    public StatutesBook statutes() {
        return statutes;
    }

    public Units units() {
        return units;
    }

    public Members members() {
        return members;
    }

    public Charges charges() {
        return charges;
    }

    public Elections elections() {
        return elections;
    }

    public Mandates mandates() {
        return mandates;
    }

    public RecallPetitions recallPetitions() {
        return recallPetitions;
    }

    public Register register() {
        return register;
    }

    public EmergencyPowers emergencyPowers() {
        return emergencyPowers;
    }

    public Meetings meetings() {
        return meetings;
    }

    public Initiatives initiatives() {
        return initiatives;
    }

    /** Every congress, with its motions, votes, platforms and elections. */
    public org.smolny.council.congress.Congresses congresses() {
        return congresses;
    }

    /** Every secret ballot: secret congress votes and secret elections of mandates. */
    public org.smolny.council.secret.SecretBallots secretBallots() {
        return secretBallots;
    }

    /** How many entries have been applied. */
    public long entryCount() {
        return entries;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CouncilState that && entries == that.entries && statutes.equals(that.statutes)
                && units.equals(that.units) && members.equals(that.members) && charges.equals(that.charges)
                && elections.equals(that.elections) && mandates.equals(that.mandates)
                && recallPetitions.equals(that.recallPetitions) && register.equals(that.register)
                && emergencyPowers.equals(that.emergencyPowers) && meetings.equals(that.meetings)
                && initiatives.equals(that.initiatives)
                && congresses.equals(that.congresses) && secretBallots.equals(that.secretBallots);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, units, members);
    }
}
