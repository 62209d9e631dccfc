package org.smolny.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.smolny.council.shell.Accounts;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, held in memory (a restart signs everyone out). The session id travels in the cookie
 * {@value #COOKIE}: HttpOnly, SameSite=Strict, and Secure when the request came over TLS (directly, or through a
 * proxy that says so in {@code X-Forwarded-Proto}). Each session has its own CSRF token, which every
 * state-changing request must send in the header {@value #CSRF_HEADER} (scripts) or the form field
 * {@value #CSRF_FIELD} (pages). Thread-safe.
 */
public final class Sessions {

    public static final String COOKIE = "smolny_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    /** A hash to verify against when the login is unknown, so that both cases take the same time. */
    private final String decoy;

    public Sessions(Accounts accounts, PasswordHasher hasher, InstantSource clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
        this.decoy = hasher.hash("decoy password " + token());
    }

    /** Signs in with a login and password; on success sets the session cookie and returns the session. */
    public Optional<Session> signIn(Context ctx, String login, String password) {
        Optional<Accounts.Account> account = login == null ? Optional.empty() : accounts.find(login.strip().toLowerCase(java.util.Locale.ROOT));
        boolean matches = hasher.verify(password, account.map(Accounts.Account::passwordHash).orElse(decoy));
        if (account.isEmpty() || !matches) {
            return Optional.empty();
        }
        String id = token();
        Session session = new Session(account.get().login(), account.get().member(), account.get().administrator(), token(),
                clock.instant().plus(LIFETIME));
        sessions.put(id, session);
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure(overTls(ctx));
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        ctx.cookie(cookie);
        return Optional.of(session);
    }

    /** The session of this request, if its cookie names a live one. */
    public Optional<Session> current(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expiresAt().isAfter(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Whether the request carries the session's CSRF token (header or form field), compared in constant time. */
    public static boolean carriesCsrfToken(Context ctx, Session session) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                session.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Ends the session of this request and clears its cookie. */
    public void signOut(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            sessions.remove(id);
        }
        ctx.removeCookie(COOKIE, "/");
    }

    /** Ends every session of an account (after the member's data was erased, for example). */
    public void endSessionsOf(String login) {
        sessions.values().removeIf(session -> session.login().equals(login));
    }

    private static boolean overTls(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
