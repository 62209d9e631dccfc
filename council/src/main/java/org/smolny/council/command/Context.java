package org.smolny.council.command;

import org.smolny.council.election.Electorates;
import org.smolny.council.id.Uuid7;
import org.smolny.council.member.MemberId;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.statutes.Statutes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What a command is decided against: the current state, the statutes in force, the time and who acts.
 *
 * @param state the organisation's state (read only while deciding)
 * @param statutes the statutes in force (null only before the first adoption)
 * @param now the time of the act, from the clock
 * @param by the member acting, or null for the system (a clock tick)
 */
public record Context(CouncilState state, Statutes statutes, Instant now, MemberId by) {

    public Context {
        if (state == null || now == null) {
            throw new IllegalArgumentException("a context has a state and a time");
        }
    }

    /** A fresh UUIDv7 for a thing the command creates (a mandate, an election), time-stamped now. */
    public UUID newId() {
        return Uuid7.generate(now);
    }

    /** Who may vote and sign, as of any moment. */
    public Electorates electorates() {
        return new Electorates(state);
    }

    /** {@code now} plus whole days. */
    public Instant daysLater(int days) {
        return now.plus(java.time.Duration.ofDays(days));
    }

    /** {@code now} plus calendar months, in UTC. */
    public Instant monthsLater(int months) {
        return now.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }
}
