package org.smolny.web.problem;

import java.util.Arrays;
import java.util.Objects;

/**
 * Thrown by a handler to answer with a problem. The detail is a message key and its arguments,
 * so the answer is written in the language of the request.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final String detailKey;
    private final transient Object[] detailArguments;

    public ProblemException(ProblemType type, String detailKey, Object... detailArguments) {
        super(type.slug() + ": " + detailKey + " " + Arrays.toString(detailArguments));
        this.type = Objects.requireNonNull(type, "type");
        this.detailKey = Objects.requireNonNull(detailKey, "detailKey");
        this.detailArguments = detailArguments.clone();
    }

    public ProblemType type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArguments() {
        return detailArguments.clone();
    }
}
