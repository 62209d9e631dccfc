package org.smolny.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An HTTP error as an RFC 9457 problem details object, served as {@code application/problem+json}
 * (and as an HTML page to a browser). {@code detail} says what was wrong and where, in words a
 * person can act on.
 *
 * @param type     a URI naming the kind of problem; relative ones resolve to a page on this server explaining it
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status code, 400–599
 * @param detail   what went wrong with this request
 * @param instance the path of the request that failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    /** The media type of problem details in JSON (RFC 9457 §3). */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem has an error status (400-599), not " + status);
        }
    }
}
