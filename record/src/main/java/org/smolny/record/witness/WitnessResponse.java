package org.smolny.record.witness;

import java.util.List;

/**
 * The witness's answer to an {@code add-checkpoint} request, one case per status code of C2SP
 * tlog-witness. Immutable.
 */
public sealed interface WitnessResponse {

    /** The HTTP status code. */
    int status();

    /** The Content-Type of the body. */
    default String contentType() {
        return "text/plain; charset=utf-8";
    }

    /** The response body. */
    String body();

    /** 200: the checkpoint is consistent with everything the witness saw; here are its cosignatures. */
    record Cosigned(List<Cosignature> cosignatures) implements WitnessResponse {
        public Cosigned {
            cosignatures = List.copyOf(cosignatures);
        }

        public int status() {
            return 200;
        }

        public String body() {
            StringBuilder out = new StringBuilder();
            cosignatures.forEach(c -> out.append(c.line()));
            return out.toString();
        }
    }

    /** 409: the old size is not the size the witness last cosigned; the body is that size. */
    record SizeConflict(long latestSize) implements WitnessResponse {
        public int status() {
            return 409;
        }

        @Override
        public String contentType() {
            return "text/x.tlog.size";
        }

        public String body() {
            return latestSize + "\n";
        }
    }

    /** 409: the witness already cosigned another root hash for this very size: a fork. */
    record RootConflict(String origin, long size) implements WitnessResponse {
        public int status() {
            return 409;
        }

        public String body() {
            return "the witness cosigned a different root hash for " + origin + " at size " + size
                    + "; refusing a fork\n";
        }
    }

    /** 422: the consistency proof does not prove the checkpoint extends the one the witness holds. */
    record InvalidProof(String reason) implements WitnessResponse {
        public int status() {
            return 422;
        }

        public String body() {
            return "invalid consistency proof: " + reason + "\n";
        }
    }

    /** 404: the witness does not follow a log with this origin. */
    record UnknownLog(String origin) implements WitnessResponse {
        public int status() {
            return 404;
        }

        public String body() {
            return "this witness does not follow a log with origin '" + origin + "'\n";
        }
    }

    /** 403: no signature by a key of the log verifies. */
    record BadSignature(String reason) implements WitnessResponse {
        public int status() {
            return 403;
        }

        public String body() {
            return "checkpoint signature refused: " + reason + "\n";
        }
    }

    /** 400: the request is malformed. */
    record Malformed(String reason) implements WitnessResponse {
        public int status() {
            return 400;
        }

        public String body() {
            return "malformed request: " + reason + "\n";
        }
    }

    /** 503: the witness could not persist its state, so it does not cosign. */
    record StorageFailure(String reason) implements WitnessResponse {
        public int status() {
            return 503;
        }

        public String body() {
            return "the witness could not store its state and did not cosign: " + reason + "\n";
        }
    }
}
