package org.smolny.record.witness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteSignature;
import org.smolny.record.note.SignedNote;
import org.smolny.record.witness.internal.CheckpointLines;

/**
 * Asks one witness to cosign the log's checkpoints with the C2SP tlog-witness {@code add-checkpoint} call.
 * It remembers the size the witness last cosigned; when the witness answers 409 with another size it
 * retries with a consistency proof from that size, and stops the log if that size is larger than the
 * checkpoint's. Every cosignature is verified with the witness's public key before it is returned.
 * Safe for concurrent use (the size hint is atomic; a stale hint only costs one 409 round trip).
 */
public final class WitnessClient {

    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final int MAX_ATTEMPTS = 3;

    private final URI endpoint;
    private final CosignatureVerifier verifier;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final AtomicLong cosignedSizeHint = new AtomicLong();

    /**
     * A client for the witness at {@code submissionPrefix} (the URL before {@code /add-checkpoint}) whose
     * cosignatures verify with {@code witnessKey}.
     */
    public WitnessClient(URI submissionPrefix, CosignatureVerifier witnessKey, HttpClient http, Duration requestTimeout) {
        String base = submissionPrefix.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/add-checkpoint");
        this.verifier = witnessKey;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /** A client with its own HTTP client and a 10-second request timeout. */
    public WitnessClient(URI submissionPrefix, CosignatureVerifier witnessKey) {
        this(submissionPrefix, witnessKey,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(10));
    }

    /**
     * A client from {@code <witness verifier key>@<submission prefix URL>}, for example
     * {@code witness.example/w1+6a1f09c2+BLmK...=@https://witness.example/w1}; an
     * {@link IllegalArgumentException} says what is wrong.
     */
    public static WitnessClient parse(String keyAtUrl) {
        int at = Math.max(keyAtUrl.lastIndexOf("@http://"), keyAtUrl.lastIndexOf("@https://"));
        if (at <= 0) {
            throw new IllegalArgumentException("a witness is given as <verifier key>@<http(s) URL>, got '" + keyAtUrl + "'");
        }
        URI url;
        try {
            url = new URI(keyAtUrl.substring(at + 1));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("witness URL is malformed: " + e.getMessage(), e);
        }
        return new WitnessClient(url, CosignatureVerifier.parse(keyAtUrl.substring(0, at)));
    }

    /** The witness's key name. */
    public String witnessName() {
        return verifier.name();
    }

    /** The witness's public key. */
    public CosignatureVerifier verifier() {
        return verifier;
    }

    /** The {@code add-checkpoint} URL. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Submits the log's signed {@code checkpoint} and returns the witness's verified cosignature.
     *
     * @throws WitnessAheadOfLogException      the witness cosigned a larger tree: the log must stop
     * @throws WitnessHoldsOtherRootException  the witness cosigned another root at this size: the log must stop
     * @throws WitnessRefusedException         any other refusal or failure of this witness
     */
    public Cosignature addCheckpoint(SignedNote checkpoint, ConsistencyProofSource proofs)
            throws LogHaltException, WitnessRefusedException, InterruptedException {
        byte[] text = checkpoint.text().getBytes(StandardCharsets.UTF_8);
        long size = CheckpointLines.parse(checkpoint.text()).size();
        byte[] note = checkpoint.toBytes();
        long oldSize = Math.min(cosignedSizeHint.get(), size);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            List<Hash> proof;
            try {
                proof = oldSize == 0 || oldSize == size ? List.of() : proofs.consistencyProof(oldSize, size);
            } catch (IOException e) {
                throw refused(0, "no consistency proof from size " + oldSize + " to " + size + ": " + e.getMessage());
            }
            Answer answer = post(new AddCheckpointRequest(oldSize, proof, note).encode());
            switch (answer.status()) {
                case 200 -> {
                    Cosignature cosignature = verifiedCosignature(text, answer.body());
                    cosignedSizeHint.set(size);
                    return cosignature;
                }
                case 409 -> {
                    if (!answer.contentType().startsWith("text/x.tlog.size")) {
                        throw new WitnessHoldsOtherRootException(witnessName(), size);
                    }
                    long witnessSize = parseSize(answer.body());
                    if (witnessSize > size) {
                        cosignedSizeHint.set(witnessSize);
                        throw new WitnessAheadOfLogException(witnessName(), witnessSize, size);
                    }
                    if (witnessSize == oldSize) {
                        throw refused(409, "witness reports size " + witnessSize + ", the size that was sent");
                    }
                    oldSize = witnessSize;
                    cosignedSizeHint.set(witnessSize);
                }
                default -> throw refused(answer.status(), "witness answered " + answer.status() + ": "
                        + abbreviate(new String(answer.body(), StandardCharsets.UTF_8).strip()));
            }
        }
        throw refused(409, "witness kept reporting other sizes after " + MAX_ATTEMPTS + " attempts");
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    private Answer post(byte[] body) throws WitnessRefusedException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (bytes.length > MAX_RESPONSE_BYTES) {
                    throw refused(response.statusCode(), "witness answer larger than " + MAX_RESPONSE_BYTES + " bytes");
                }
                return new Answer(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""), bytes);
            }
        } catch (IOException e) {
            throw refused(0, "no answer from " + endpoint + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private Cosignature verifiedCosignature(byte[] checkpointText, byte[] body) throws WitnessRefusedException {
        String lines = new String(body, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.endsWith("\n")) {
            throw refused(200, "witness answer is not a sequence of signature lines");
        }
        int number = 0;
        for (String line : lines.substring(0, lines.length() - 1).split("\n", -1)) {
            number++;
            NoteSignature signature;
            try {
                signature = SignedNote.parseSignatureLine(line, number);
            } catch (NoteException e) {
                throw refused(200, "witness answer line " + number + ": " + e.getMessage());
            }
            if (!signature.keyName().equals(verifier.name()) || !signature.keyId().equals(verifier.keyId())) {
                continue; // a cosignature by another key of the witness operator: ignored (tlog-witness)
            }
            Cosignature cosignature;
            try {
                cosignature = Cosignature.fromNoteSignature(signature);
            } catch (IllegalArgumentException e) {
                throw refused(200, e.getMessage());
            }
            if (!verifier.verify(checkpointText, cosignature)) {
                throw refused(200, "cosignature by " + verifier.name() + " does not verify with its public key");
            }
            return cosignature;
        }
        throw refused(200, "witness answer holds no cosignature by " + verifier.name() + "+" + verifier.keyId().hex());
    }

    private long parseSize(byte[] body) throws WitnessRefusedException {
        String text = new String(body, StandardCharsets.US_ASCII);
        String digits = text.endsWith("\n") ? text.substring(0, text.length() - 1) : "";
        if (!AddCheckpointRequest.isCanonicalDecimal(digits)) {
            throw refused(409, "witness sent a malformed size in its 409 answer: '" + abbreviate(text.strip()) + "'");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw refused(409, "witness sent a size that does not fit 63 bits");
        }
    }

    private WitnessRefusedException refused(int status, String message) {
        return new WitnessRefusedException(witnessName(), status, witnessName() + ": " + message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @Override
    public String toString() {
        return "WitnessClient[" + verifier.name() + " at " + endpoint + "]";
    }
}
