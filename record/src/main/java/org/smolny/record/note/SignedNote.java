package org.smolny.record.note;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.smolny.record.note.internal.CanonicalBase64;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and one or more signature lines
 * {@code — <key name> base64(key id || signature)}. Immutable.
 *
 * <p>Read a note with {@link #open(byte[], NoteVerifiers)}: it parses the syntax, checks the
 * signatures, and only then returns the text (in a {@link VerifiedNote}) for a parser to read.
 *
 * @param text       the note text, ending in a newline (the separating blank line is not part of it)
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Largest note accepted, in bytes. */
    public static final int MAX_NOTE_BYTES = 1 << 20;
    /** Most signature lines accepted (the spec asks verifiers to accept at least 16). */
    public static final int MAX_SIGNATURES = 100;

    public SignedNote {
        signatures = List.copyOf(signatures);
        if (text == null || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end in a newline");
        }
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20) {
                throw new IllegalArgumentException(new NoteError.ControlCharacter(line, c).message());
            }
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
    }

    /** Signs {@code text} (which must end in a newline) with every signer, in order. */
    public static SignedNote sign(String text, List<? extends NoteSigner> signers) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> lines = new ArrayList<>();
        for (NoteSigner signer : signers) {
            lines.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(message)));
        }
        return new SignedNote(text, lines);
    }

    public static SignedNote sign(String text, NoteSigner... signers) {
        return sign(text, List.of(signers));
    }

    /** This note with more signature lines appended (for example witness cosignatures). */
    public SignedNote withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.addAll(more);
        return new SignedNote(text, all);
    }

    /** The note as text: text, blank line, signature lines. */
    public String encoded() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            out.append(signature.line());
        }
        return out.toString();
    }

    /** {@link #encoded()} in UTF-8. */
    public byte[] toBytes() {
        return encoded().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return encoded();
    }

    /** Parses and verifies: the usual way to read a note. */
    public static VerifiedNote open(byte[] message, NoteVerifiers verifiers) throws NoteException {
        return parse(message).verify(verifiers);
    }

    /**
     * Checks the signatures: signatures by unknown keys are set aside; every signature by a known key
     * must verify (else the whole note is refused); at least one must be by a known key.
     */
    public VerifiedNote verify(NoteVerifiers verifiers) throws NoteException {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        List<NoteSignature> others = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NoteSignature signature : signatures) {
            var verifier = verifiers.find(signature.keyName(), signature.keyId());
            if (verifier.isEmpty()) {
                others.add(signature);
                continue;
            }
            byte[] bytes = signature.signature();
            if (bytes.length != verifier.get().signatureLength()) {
                throw new NoteException(new NoteError.WrongSignatureLength(
                        signature.keyName(), signature.keyId(), bytes.length, verifier.get().signatureLength()));
            }
            if (!verifier.get().verify(message, bytes)) {
                throw new NoteException(new NoteError.InvalidSignature(signature.keyName(), signature.keyId()));
            }
            if (seen.add(signature.keyName() + "+" + signature.keyId().hex())) {
                verified.add(signature);
            }
        }
        if (verified.isEmpty()) {
            throw new NoteException(new NoteError.UnknownKeys(
                    others.stream().map(s -> s.keyName() + "+" + s.keyId().hex()).toList()));
        }
        return new VerifiedNote(this, verified, others);
    }

    /** Parses the syntax of a signed note, without checking any signature. */
    public static SignedNote parse(byte[] message) throws NoteException {
        if (message.length > MAX_NOTE_BYTES) {
            throw new NoteException(new NoteError.TooLarge(message.length, MAX_NOTE_BYTES));
        }
        String note = decodeUtf8(message);
        int line = 1;
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20) {
                throw new NoteException(new NoteError.ControlCharacter(line, c));
            }
        }
        if (!note.endsWith("\n")) {
            throw new NoteException(new NoteError.MissingFinalNewline());
        }
        int separator = note.lastIndexOf("\n\n");
        if (separator < 0) {
            throw new NoteException(new NoteError.MissingSignatureSeparator());
        }
        String text = note.substring(0, separator + 1);
        String block = note.substring(separator + 2);
        if (block.isEmpty()) {
            throw new NoteException(new NoteError.NoSignatures());
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteException(new NoteError.TooManySignatures(lines.length, MAX_SIGNATURES));
        }
        int firstLine = (int) text.chars().filter(c -> c == '\n').count() + 2;
        List<NoteSignature> signatures = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            signatures.add(parseSignatureLine(lines[i], firstLine + i));
        }
        return new SignedNote(text, signatures);
    }

    /** Parses one signature line (without its newline); {@code lineNumber} is used in errors. */
    public static NoteSignature parseSignatureLine(String line, int lineNumber) throws NoteException {
        if (!line.startsWith(NoteSignature.LINE_START)) {
            throw new NoteException(new NoteError.MalformedSignatureLine(lineNumber,
                    "does not start with an em dash (U+2014) and a space"));
        }
        String rest = line.substring(NoteSignature.LINE_START.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new NoteException(new NoteError.MalformedSignatureLine(lineNumber,
                    "no space between the key name and the signature"));
        }
        String name = rest.substring(0, space);
        String encoded = rest.substring(space + 1);
        String nameProblem = KeyNames.problem(name);
        if (nameProblem != null) {
            throw new NoteException(new NoteError.MalformedSignatureLine(lineNumber, nameProblem));
        }
        byte[] decoded = CanonicalBase64.decodeOrNull(encoded);
        if (decoded == null) {
            throw new NoteException(new NoteError.BadBase64(lineNumber, name));
        }
        if (decoded.length < 5) {
            throw new NoteException(new NoteError.SignatureTooShort(lineNumber, name, decoded.length));
        }
        byte[] signature = new byte[decoded.length - 4];
        System.arraycopy(decoded, 4, signature, 0, signature.length);
        return new NoteSignature(name, KeyId.fromBytes(decoded, 0), signature);
    }

    private static String decodeUtf8(byte[] message) throws NoteException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(message);
        CharBuffer out = CharBuffer.allocate(message.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NoteException(new NoteError.NotUtf8(in.position()));
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new NoteException(new NoteError.NotUtf8(in.position()));
        }
        return out.flip().toString();
    }
}
