package org.smolny.council.shell;

import org.jdbi.v3.core.Handle;
import org.smolny.council.member.MemberId;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-in accounts, kept beside the personal data and erased with it. The password hash is computed by the web
 * layer (Argon2id, encoded with its parameters); this class only stores it. Thread-safe: writes go through the
 * council's writer, reads open their own handle.
 */
public final class Accounts {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final CouncilService council;

    public Accounts(CouncilService council) {
        this.council = council;
    }

    /**
     * A sign-in account.
     *
     * @param login         the name signed in with
     * @param member        the member it acts for, or null for an administrator who is not a member
     * @param passwordHash  the encoded Argon2id hash
     * @param administrator whether it may run the organisation's system acts (founding units, clock)
     */
    public record Account(String login, MemberId member, String passwordHash, boolean administrator) {
        public Account {
            if (login == null || !LOGIN.matcher(login).matches()) {
                throw new IllegalArgumentException("a login is 2 to 64 characters: lower-case letters, digits and . _ @ -, got '" + login + "'");
            }
            if (passwordHash == null || passwordHash.isBlank()) {
                throw new IllegalArgumentException("an account has a password hash");
            }
            if (member == null && !administrator) {
                throw new IllegalArgumentException("an account acts for a member, or is an administrator's");
            }
        }

        @Override
        public String toString() {
            return "Account[" + login + ", member=" + member + ", administrator=" + administrator + "]";
        }
    }

    /** Creates an account; refused when the login or the member already has one. */
    public void create(Account account) {
        String refusal = council.write(handle -> {
            if (find(handle, account.login()).isPresent()) {
                return "the login '" + account.login() + "' is taken";
            }
            if (account.member() != null && handle.createQuery("SELECT COUNT(*) FROM council_account WHERE member_id = :member")
                    .bind("member", account.member().toString()).mapTo(Integer.class).one() > 0) {
                return "member " + account.member() + " already has an account";
            }
            handle.createUpdate("INSERT INTO council_account (login, member_id, password_hash, administrator, created_at) "
                            + "VALUES (:login, :member, :hash, :admin, :at)")
                    .bind("login", account.login())
                    .bind("member", account.member() == null ? null : account.member().toString())
                    .bind("hash", account.passwordHash())
                    .bind("admin", account.administrator() ? 1 : 0)
                    .bind("at", council.clock().instant().toString())
                    .execute();
            return null;
        });
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /** The account signed in with {@code login}, if any. */
    public Optional<Account> find(String login) {
        try (Handle handle = council.queries().open()) {
            return find(handle, login);
        }
    }

    private static Optional<Account> find(Handle handle, String login) {
        return handle.createQuery("SELECT login, member_id, password_hash, administrator FROM council_account WHERE login = :login")
                .bind("login", login)
                .map((rs, ctx) -> new Account(rs.getString(1), rs.getString(2) == null ? null : MemberId.parse(rs.getString(2)),
                        rs.getString(3), rs.getInt(4) == 1))
                .findOne();
    }
}
