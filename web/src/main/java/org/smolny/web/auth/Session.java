package org.smolny.web.auth;

import org.smolny.council.member.MemberId;

import java.time.Instant;

/**
 * A signed-in session.
 *
 * @param login         the account's login
 * @param member        the member it acts for, or null for an administrator who is not a member
 * @param administrator whether the account administers the organisation's system acts
 * @param csrfToken     the token every state-changing request of this session must carry
 * @param expiresAt     when the session ends
 */
public record Session(String login, MemberId member, boolean administrator, String csrfToken, Instant expiresAt) {

    public Session {
        if (login == null || csrfToken == null || expiresAt == null) {
            throw new IllegalArgumentException("a session has a login, a CSRF token and an expiry");
        }
    }

    @Override
    public String toString() {
        return "Session[" + login + ", member=" + member + ", administrator=" + administrator + "]";
    }
}
