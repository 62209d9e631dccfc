package org.smolny.record.witness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smolny.record.merkle.Hash;
import org.smolny.record.note.internal.CanonicalBase64;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: {@code old <size>}, zero to 63 consistency
 * proof lines (base64 hashes), an empty line, then the signed checkpoint note. Immutable.
 *
 * @param oldSize          the size of the checkpoint the witness last cosigned, as the client believes it
 * @param consistencyProof the RFC 6962 consistency proof from {@code oldSize} to the checkpoint's size
 * @param checkpoint       the signed checkpoint note, as bytes
 */
public record AddCheckpointRequest(long oldSize, List<Hash> consistencyProof, byte[] checkpoint) {

    /** Most proof lines a client may send (tlog-witness). */
    public static final int MAX_PROOF_LINES = 63;

    public AddCheckpointRequest {
        if (oldSize < 0) {
            throw new IllegalArgumentException("old size must not be negative");
        }
        if (consistencyProof.size() > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("a consistency proof has at most " + MAX_PROOF_LINES + " hashes");
        }
        consistencyProof = List.copyOf(consistencyProof);
        checkpoint = checkpoint.clone();
    }

    @Override
    public byte[] checkpoint() {
        return checkpoint.clone();
    }

    /** The request body. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(checkpoint.length + 64 + 45 * consistencyProof.size());
        StringBuilder head = new StringBuilder("old ").append(oldSize).append('\n');
        for (Hash hash : consistencyProof) {
            head.append(hash.base64()).append('\n');
        }
        head.append('\n');
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(checkpoint);
        return out.toByteArray();
    }

    /** Parses a request body; a {@link MalformedRequestException} says what is wrong and on which line. */
    public static AddCheckpointRequest parse(byte[] body) throws MalformedRequestException {
        int position = 0;
        int lineNumber = 1;
        Long oldSize = null;
        List<Hash> proof = new ArrayList<>();
        while (true) {
            int newline = indexOf(body, (byte) '\n', position);
            if (newline < 0) {
                throw new MalformedRequestException("line " + lineNumber + " does not end in a newline"
                        + (oldSize == null ? "" : " (no empty line before the checkpoint)"));
            }
            String line = new String(body, position, newline - position, StandardCharsets.US_ASCII);
            position = newline + 1;
            if (oldSize == null) {
                oldSize = parseOldSize(line);
            } else if (line.isEmpty()) {
                break;
            } else {
                if (proof.size() == MAX_PROOF_LINES) {
                    throw new MalformedRequestException("more than " + MAX_PROOF_LINES + " consistency proof lines");
                }
                byte[] hash = CanonicalBase64.decodeOrNull(line);
                if (hash == null || hash.length != Hash.LENGTH) {
                    throw new MalformedRequestException("line " + lineNumber
                            + " is not a consistency proof hash (canonical base64 of 32 bytes)");
                }
                proof.add(new Hash(hash));
            }
            lineNumber++;
        }
        byte[] checkpoint = Arrays.copyOfRange(body, position, body.length);
        if (checkpoint.length == 0) {
            throw new MalformedRequestException("no checkpoint after the empty line");
        }
        return new AddCheckpointRequest(oldSize, proof, checkpoint);
    }

    private static long parseOldSize(String line) throws MalformedRequestException {
        if (!line.startsWith("old ")) {
            throw new MalformedRequestException("line 1 must be 'old <size>', got '" + abbreviate(line) + "'");
        }
        String digits = line.substring(4);
        if (!isCanonicalDecimal(digits)) {
            throw new MalformedRequestException("old size '" + abbreviate(digits)
                    + "' is not a decimal number without leading zeroes");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("old size '" + abbreviate(digits) + "' is too large");
        }
    }

    /** Whether {@code digits} is ASCII decimal with no sign and no leading zero (except "0" itself). */
    static boolean isCanonicalDecimal(String digits) {
        if (digits.isEmpty() || digits.length() > 19 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static int indexOf(byte[] bytes, byte target, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
