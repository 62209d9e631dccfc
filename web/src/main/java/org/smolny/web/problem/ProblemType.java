package org.smolny.web.problem;

/**
 * The kinds of problem this server reports. Each has a page at {@link #uri()} explaining it, an
 * HTTP status, and a title in the message bundles under {@code problem.<slug>.title}.
 */
public enum ProblemType {
    /** A path or query parameter is missing, not a number, or out of range. */
    INVALID_PARAMETER("invalid-parameter", 400),
    /** The thing asked for does not exist (an entry beyond the end of the record, an unknown page). */
    NOT_FOUND("not-found", 404),
    /** The record cannot answer yet (for example: no signed checkpoint exists so far). */
    NOT_AVAILABLE("not-available", 409),
    /** The method is not allowed on this path. */
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    /** The request body is not the JSON the endpoint takes (a field missing, of the wrong type, or unknown). */
    INVALID_BODY("invalid-body", 400),
    /** The request needs a signed-in session. */
    SIGN_IN_REQUIRED("sign-in-required", 401),
    /** The signed-in member may not do this (not their unit, not within their mandate, or no valid CSRF token). */
    FORBIDDEN("forbidden", 403),
    /** The council refused the act under the statutes; nothing was written. */
    REFUSED("refused", 422),
    /** The ballot box refused an encrypted ballot (credential not listed, a proof or the signature fails, already on the board). */
    BALLOT_REFUSED("ballot-refused", 422),
    /** The server failed; the log has the cause. */
    INTERNAL("internal", 500);

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    /** The problem's type URI: a path on this server, whose page explains the problem. */
    public String uri() {
        return "/problems/" + slug;
    }

    /** The message key of the title. */
    public String titleKey() {
        return "problem." + slug + ".title";
    }

    /** The message key of the explanation shown on the type's page. */
    public String explanationKey() {
        return "problem." + slug + ".explanation";
    }

    /** The type with this slug, or {@code null}. */
    public static ProblemType bySlug(String slug) {
        for (ProblemType type : values()) {
            if (type.slug.equals(slug)) {
                return type;
            }
        }
        return null;
    }
}
