package org.smolny.council.shell.internal;

import org.jdbi.v3.core.Handle;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.Entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Writes the council's query tables for one record entry, in the caller's transaction. The same code writes the
 * live tables (as commands are accepted) and a fresh copy (when {@code smolny rebuild} folds the record), so the two
 * can be compared. Stateless; thread-safe.
 */
public final class QueryTables {

    /** The projection tables, in the order they are compared, each with the columns that order its rows. */
    public static final List<Table> TABLES = List.of(
            new Table("council_entry", "idx"),
            new Table("council_unit", "unit_id"),
            new Table("council_member", "member_id"),
            new Table("council_charge", "charge_id"),
            new Table("council_election", "election_id"),
            new Table("council_mandate", "mandate_id"),
            new Table("council_instruction", "mandate_id, motion_id"),
            new Table("council_delegate_vote", "mandate_id, motion_id"),
            new Table("council_petition", "petition_id"),
            new Table("council_signature", "petition_id, member_id"),
            new Table("council_payment", "payment_id"),
            new Table("council_powers", "powers_id"),
            new Table("council_meeting", "idx"),
            new Table("council_position", "id"));

    /** A query table and the columns that order its rows for comparison. */
    public record Table(String name, String orderBy) {
    }

    private QueryTables() {
    }

    /** Writes the rows for the entry at {@code index} of the record. */
    public static void write(Handle handle, long index, Entry entry) {
        String at = entry.at().toString();
        update(handle, "INSERT INTO council_entry (idx, type, unit_id, at, by_member) VALUES (?, ?, ?, ?, ?)",
                index, entry.type(), text(entry.unit()), at, text(entry.by()));
        switch (entry.event()) {
            case CouncilEvent.UnitFounded e -> update(handle,
                    "INSERT INTO council_unit (unit_id, unit_type, parent_id, name, founded_at) VALUES (?, ?, ?, ?, ?)",
                    e.unit(), e.unitType(), e.parent(), e.name(), at);
            case CouncilEvent.MemberAdmitted e -> update(handle,
                    "INSERT INTO council_member (member_id, unit_id, commitment, status, admitted_at, voting_from, changed_at) "
                            + "VALUES (?, ?, ?, 'active', ?, ?, ?)",
                    e.member(), e.unit(), e.commitment().sha256(), at, e.votingFrom(), at);
            case CouncilEvent.MemberTransferred e -> update(handle,
                    "UPDATE council_member SET unit_id = ?, changed_at = ? WHERE member_id = ?", e.unit(), at, e.member());
            case CouncilEvent.MemberResigned e -> memberStatus(handle, e.member().toString(), "resigned", at);
            case CouncilEvent.MemberLapsed e -> memberStatus(handle, e.member().toString(), "lapsed", at);
            case CouncilEvent.MemberExpelled e -> memberStatus(handle, e.member().toString(), "expelled", at);
            case CouncilEvent.MemberReinstated e -> memberStatus(handle, e.member().toString(), "active", at);
            case CouncilEvent.ChargeBrought e -> update(handle,
                    "INSERT INTO council_charge (charge_id, member_id, unit_id, clause, status, changed_at) VALUES (?, ?, ?, ?, 'brought', ?)",
                    e.charge(), e.member(), e.unit(), e.clause(), at);
            case CouncilEvent.ChargeNotified e -> chargeStatus(handle, e.charge().toString(), "notified", at);
            case CouncilEvent.ChargeHeard e -> chargeStatus(handle, e.charge().toString(), "heard", at);
            case CouncilEvent.ChargeDecided e -> chargeStatus(handle, e.charge().toString(), e.expelled() ? "expelled" : "dismissed", at);
            case CouncilEvent.AppealLodged e -> chargeStatus(handle, e.charge().toString(), "appealed", at);
            case CouncilEvent.AppealDecided e -> chargeStatus(handle, e.charge().toString(),
                    e.reinstated() ? "reinstated-on-appeal" : "expulsion-confirmed", at);
            case CouncilEvent.ElectionScheduled e -> update(handle,
                    "INSERT INTO council_election (election_id, post, unit_id, seats, kind, hold_by, status, held_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 'scheduled', NULL)",
                    e.election(), e.post(), e.unit(), e.seats(), EntryCodec.wireName(e.kind()), e.holdBy());
            case CouncilEvent.ElectionHeld e -> update(handle,
                    "UPDATE council_election SET status = 'held', held_at = ? WHERE election_id = ?", at, e.election());
            case CouncilEvent.MandateConferred e -> update(handle,
                    "INSERT INTO council_mandate (mandate_id, post, unit_id, holder_id, source, election_id, started_at, ends_at, status, ended_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL)",
                    e.mandate(), e.post(), e.unit(), e.holder(), EntryCodec.wireName(e.source()), e.election(), at, e.endsAt());
            case CouncilEvent.MandateExpired e -> mandateEnded(handle, e.mandate().toString(), "expired", at);
            case CouncilEvent.MandateRecalled e -> mandateEnded(handle, e.mandate().toString(), "recalled", at);
            case CouncilEvent.MandateRelinquished e -> mandateEnded(handle, e.mandate().toString(), "relinquished", at);
            case CouncilEvent.InstructionGiven e -> {
                update(handle, "DELETE FROM council_instruction WHERE mandate_id = ? AND motion_id = ?", e.mandate(), e.motion());
                update(handle, "INSERT INTO council_instruction (mandate_id, motion_id, position, given_at) VALUES (?, ?, ?, ?)",
                        e.mandate(), e.motion(), EntryCodec.wireName(e.position()), at);
            }
            case CouncilEvent.DelegateVoteRecorded e -> {
                update(handle, "DELETE FROM council_delegate_vote WHERE mandate_id = ? AND motion_id = ?", e.mandate(), e.motion());
                update(handle, "INSERT INTO council_delegate_vote (mandate_id, motion_id, position, instructed, recorded_at) VALUES (?, ?, ?, ?, ?)",
                        e.mandate(), e.motion(), EntryCodec.wireName(e.position()),
                        e.instructed() == null ? null : EntryCodec.wireName(e.instructed()), at);
            }
            case CouncilEvent.RecallPetitionOpened e -> openPetition(handle, e.petition().toString(), "recall", e.unit().toString(),
                    e.mandate().toString(), e.opener().toString(), e.electorateSize(), e.signaturesNeeded(), at, e.closesAt());
            case CouncilEvent.RecallPetitionSigned e -> sign(handle, e.petition().toString(), e.signer().toString(), at);
            case CouncilEvent.RecallPetitionSucceeded e -> petitionStatus(handle, e.petition().toString(), "succeeded");
            case CouncilEvent.RecallPetitionLapsed e -> petitionStatus(handle, e.petition().toString(), "lapsed");
            case CouncilEvent.RecallVoteOpened e -> petitionStatus(handle, e.petition().toString(), "vote-open");
            case CouncilEvent.RecallVoteDecided e -> petitionStatus(handle, e.petition().toString(), e.recalled() ? "recalled" : "not-recalled");
            case CouncilEvent.PaymentRecorded e -> update(handle,
                    "INSERT INTO council_payment (payment_id, official_id, unit_id, mandate_id, month, kind, description, amount_minor, "
                            + "currency, month_total_minor, cap_minor, congress_voted, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.payment(), e.official(), e.unit(), e.mandate(), e.month(), EntryCodec.wireName(e.kind()), e.description(),
                    e.amountMinor(), e.currency(), e.monthTotalMinor(), e.capMinor(), e.congressVote() == null ? 0 : 1, at);
            case CouncilEvent.EmergencyPowersGranted e -> update(handle,
                    "INSERT INTO council_powers (powers_id, unit_id, body, holder_id, scope, expires_at, status, changed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 'in-force', ?)",
                    e.powers(), e.unit(), e.body(), e.holder(), e.scope(), e.expiresAt(), at);
            case CouncilEvent.EmergencyPowersRatified e -> update(handle,
                    "UPDATE council_powers SET status = 'ratified', expires_at = ?, changed_at = ? WHERE powers_id = ?",
                    e.expiresAt(), at, e.powers());
            case CouncilEvent.EmergencyPowersExpired e -> update(handle,
                    "UPDATE council_powers SET status = 'expired', changed_at = ? WHERE powers_id = ?", at, e.powers());
            case CouncilEvent.MeetingHeld e -> meeting(handle, index, e.body(), e.unit().toString(), "held", at,
                    e.convening() == null ? null : e.convening().toString(), null);
            case CouncilEvent.MeetingFlaggedOverdue e -> meeting(handle, index, e.body(), e.unit().toString(), "overdue", at, null,
                    e.dueAt().toString());
            case CouncilEvent.ConveningPetitionOpened e -> openPetition(handle, e.petition().toString(), "convening",
                    e.unit().toString(), e.body(), e.opener().toString(), e.electorateSize(), e.signaturesNeeded(), at, null);
            case CouncilEvent.ConveningPetitionSigned e -> sign(handle, e.petition().toString(), e.signer().toString(), at);
            case CouncilEvent.MeetingConvened e -> {
                petitionStatus(handle, e.petition().toString(), "succeeded");
                meeting(handle, index, e.body(), e.unit().toString(), "convened", at, e.petition().toString(), e.meetBy().toString());
            }
            case CouncilEvent.InitiativeOpened e -> openPetition(handle, e.initiative().toString(), "initiative", e.unit().toString(),
                    e.motion().toString(), e.opener().toString(), e.electorateSize(), e.supportNeeded(), at, e.closesAt());
            case CouncilEvent.InitiativeSupported e -> sign(handle, e.initiative().toString(), e.supporter().toString(), at);
            case CouncilEvent.InitiativeTabled e -> petitionStatus(handle, e.initiative().toString(), "tabled");
            case CouncilEvent.InitiativeLapsed e -> petitionStatus(handle, e.initiative().toString(), "lapsed");
            default -> {
                // statutes, the median wage and congress events are in council_entry only
            }
        }
    }

    /** Records that the tables reflect the first {@code applied} entries of the record. */
    public static void position(Handle handle, long applied) {
        if (update(handle, "UPDATE council_position SET applied = ? WHERE id = 1", applied) == 0) {
            update(handle, "INSERT INTO council_position (id, applied) VALUES (1, ?)", applied);
        }
    }

    /** How many entries of the record the tables reflect. */
    public static long applied(Handle handle) {
        return handle.createQuery("SELECT applied FROM council_position WHERE id = 1").mapTo(Long.class).findOne().orElse(0L);
    }

    private static void memberStatus(Handle handle, String member, String status, String at) {
        update(handle, "UPDATE council_member SET status = ?, changed_at = ? WHERE member_id = ?", status, at, member);
    }

    private static void chargeStatus(Handle handle, String charge, String status, String at) {
        update(handle, "UPDATE council_charge SET status = ?, changed_at = ? WHERE charge_id = ?", status, at, charge);
    }

    private static void mandateEnded(Handle handle, String mandate, String status, String at) {
        update(handle, "UPDATE council_mandate SET status = ?, ended_at = ? WHERE mandate_id = ?", status, at, mandate);
    }

    private static void openPetition(Handle handle, String petition, String kind, String unit, String subject, String opener,
                                     int electorate, int needed, String at, Instant closesAt) {
        update(handle, "INSERT INTO council_petition (petition_id, kind, unit_id, subject, opener_id, electorate, needed, signatures, "
                        + "status, opened_at, closes_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'open', ?, ?)",
                petition, kind, unit, subject, opener, electorate, needed, at, closesAt);
        sign(handle, petition, opener, at);
    }

    private static void sign(Handle handle, String petition, String member, String at) {
        update(handle, "INSERT INTO council_signature (petition_id, member_id, signed_at) VALUES (?, ?, ?)", petition, member, at);
        update(handle, "UPDATE council_petition SET signatures = signatures + 1 WHERE petition_id = ?", petition);
    }

    private static void petitionStatus(Handle handle, String petition, String status) {
        update(handle, "UPDATE council_petition SET status = ? WHERE petition_id = ?", status, petition);
    }

    private static void meeting(Handle handle, long index, String body, String unit, String what, String at, String convening,
                                String dueAt) {
        update(handle, "INSERT INTO council_meeting (idx, body, unit_id, what, at, convening, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                index, body, unit, what, at, convening, dueAt);
    }

    /**
     * Prepared statements of the writer's connection, kept across commands: preparing a statement costs more than
     * running it. Keyed by connection; a statement whose connection closed is prepared again.
     */
    private static final Map<Connection, Map<String, PreparedStatement>> PREPARED = Collections.synchronizedMap(new WeakHashMap<>());

    /** Runs one statement with positional values (null, whole numbers, or text) on the handle's connection; returns the rows changed. */
    public static int update(Handle handle, String sql, Object... values) {
        try {
            PreparedStatement statement = prepared(handle.getConnection(), sql);
            for (int position = 0; position < values.length; position++) {
                Object value = values[position];
                if (value == null) {
                    statement.setNull(position + 1, Types.VARCHAR);
                } else if (value instanceof Integer || value instanceof Long) {
                    statement.setLong(position + 1, ((Number) value).longValue());
                } else {
                    statement.setString(position + 1, value.toString());
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the council's query tables: " + e.getMessage() + " (" + sql + ")", e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = PREPARED.computeIfAbsent(connection, key -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
