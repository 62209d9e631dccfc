package org.smolny.record.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a signed note can be malformed gets its own typed error, naming what and where. */
class MalformedNoteTest {

    private static final SignerKey LOG_KEY = SignerKey.generate("example.org/log", KeyType.ED25519);
    private static final Ed25519NoteSigner LOG = new Ed25519NoteSigner(LOG_KEY);
    private static final NoteVerifiers TRUSTED = NoteVerifiers.of(new Ed25519NoteVerifier(LOG_KEY.verifierKey()));
    private static final String TEXT = "example.org/log\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";

    private static NoteError errorOf(byte[] note) {
        try {
            SignedNote.open(note, TRUSTED);
        } catch (NoteException e) {
            return e.error();
        }
        throw new AssertionError("the note was accepted");
    }

    private static NoteError errorOf(String note) {
        return errorOf(note.getBytes(StandardCharsets.UTF_8));
    }

    private static String signed() {
        return SignedNote.sign(TEXT, LOG).encoded();
    }

    private static String signatureBase64(String note) {
        String line = note.substring(note.lastIndexOf('\u2014'));
        return line.substring(line.lastIndexOf(' ') + 1).strip();
    }

    @Test
    void a_well_formed_note_signed_by_the_log_opens_and_gives_its_text() throws NoteException {
        VerifiedNote note = SignedNote.open(signed().getBytes(StandardCharsets.UTF_8), TRUSTED);

        assertThat(note.text()).isEqualTo(TEXT);
    }

    @Test
    void a_note_that_is_not_utf8_is_refused_naming_the_byte_offset() {
        byte[] note = signed().getBytes(StandardCharsets.UTF_8);
        note[3] = (byte) 0xff;

        assertThat(errorOf(note)).isEqualTo(new NoteError.NotUtf8(3));
    }

    @Test
    void a_note_with_a_carriage_return_is_refused_naming_the_line() {
        NoteError error = errorOf(signed().replaceFirst("\n42\n", "\n42\r\n"));

        assertThat(error).isEqualTo(new NoteError.ControlCharacter(2, '\r'));
        assertThat(error.message()).contains("line 2").contains("U+000D");
    }

    @Test
    void a_note_without_a_final_newline_is_refused() {
        String note = signed();

        assertThat(errorOf(note.substring(0, note.length() - 1))).isInstanceOf(NoteError.MissingFinalNewline.class);
    }

    @Test
    void a_note_without_a_blank_line_before_its_signatures_is_refused() {
        assertThat(errorOf(signed().replace("\n\n", "\n"))).isInstanceOf(NoteError.MissingSignatureSeparator.class);
    }

    @Test
    void a_note_with_a_blank_line_but_no_signatures_is_refused() {
        assertThat(errorOf(TEXT + "\n")).isInstanceOf(NoteError.NoSignatures.class);
        assertThat(errorOf(signed() + "\n")).isInstanceOf(NoteError.NoSignatures.class);
    }

    @Test
    void a_signature_line_starting_with_a_hyphen_instead_of_an_em_dash_is_refused() {
        NoteError error = errorOf(signed().replace("\u2014 ", "- "));

        assertThat(error).isInstanceOf(NoteError.MalformedSignatureLine.class);
        assertThat(error.message()).contains("line 5").contains("em dash");
    }

    @Test
    void a_signature_line_without_a_space_before_the_signature_is_refused() {
        String note = signed();

        assertThat(errorOf(note.replace("example.org/log " + signatureBase64(note), "example.org/log" + signatureBase64(note))))
                .isInstanceOf(NoteError.MalformedSignatureLine.class);
    }

    @Test
    void a_signature_line_whose_key_name_holds_a_plus_sign_is_refused() {
        NoteError error = errorOf(signed().replace("\u2014 example.org/log ", "\u2014 example.org+log "));

        assertThat(error).isInstanceOf(NoteError.MalformedSignatureLine.class);
        assertThat(error.message()).contains("plus sign");
    }

    @Test
    void a_signature_with_characters_outside_base64_is_refused() {
        String note = signed();

        assertThat(errorOf(note.replace(signatureBase64(note), "!!!!" + signatureBase64(note).substring(4))))
                .isEqualTo(new NoteError.BadBase64(5, "example.org/log"));
    }

    @Test
    void a_signature_in_non_canonical_base64_is_refused() {
        String note = signed();
        String unpadded = signatureBase64(note).replace("=", "");

        assertThat(errorOf(note.replace(signatureBase64(note), unpadded))).isInstanceOf(NoteError.BadBase64.class);
    }

    @Test
    void a_signature_too_short_to_hold_a_key_id_is_refused() {
        String note = signed();

        assertThat(errorOf(note.replace(signatureBase64(note), "AAAA")))
                .isEqualTo(new NoteError.SignatureTooShort(5, "example.org/log", 3));
    }

    @Test
    void a_signature_of_the_wrong_length_for_a_known_key_is_refused_before_any_cryptography() {
        String note = signed();
        byte[] full = Base64.getDecoder().decode(signatureBase64(note));
        byte[] truncated = java.util.Arrays.copyOf(full, full.length - 3);

        assertThat(errorOf(note.replace(signatureBase64(note), Base64.getEncoder().encodeToString(truncated))))
                .isEqualTo(new NoteError.WrongSignatureLength("example.org/log", LOG_KEY.keyId(), 61, 64));
    }

    @Test
    void a_note_signed_only_by_an_unknown_key_is_refused_naming_that_key() {
        SignerKey stranger = SignerKey.generate("stranger.example/log", KeyType.ED25519);
        String note = SignedNote.sign(TEXT, new Ed25519NoteSigner(stranger)).encoded();

        NoteError error = errorOf(note);

        assertThat(error).isInstanceOf(NoteError.UnknownKeys.class);
        assertThat(error.message()).contains("stranger.example/log+" + stranger.keyId().hex());
    }

    @Test
    void a_signature_with_the_right_name_but_another_key_id_is_ignored_as_unknown() {
        SignerKey sameName = SignerKey.generate("example.org/log", KeyType.ED25519);
        String note = SignedNote.sign(TEXT, new Ed25519NoteSigner(sameName)).encoded();

        assertThat(errorOf(note)).isInstanceOf(NoteError.UnknownKeys.class);
    }

    @Test
    void signatures_by_unknown_keys_beside_a_valid_one_are_kept_aside_and_the_note_opens() throws NoteException {
        SignerKey stranger = SignerKey.generate("stranger.example/log", KeyType.ED25519);
        String note = SignedNote.sign(TEXT, new Ed25519NoteSigner(stranger), LOG).encoded();

        VerifiedNote opened = SignedNote.open(note.getBytes(StandardCharsets.UTF_8), TRUSTED);

        assertThat(opened.verified()).extracting(NoteSignature::keyName).containsExactly("example.org/log");
        assertThat(opened.others()).extracting(NoteSignature::keyName).containsExactly("stranger.example/log");
    }

    @Test
    void a_note_with_more_than_one_hundred_signatures_is_refused() {
        List<NoteSigner> signers = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            signers.add(LOG);
        }
        String note = SignedNote.sign(TEXT, signers).encoded();

        assertThat(errorOf(note)).isEqualTo(new NoteError.TooManySignatures(101, 100));
    }

    @Test
    void a_note_with_sixteen_signatures_is_accepted_as_the_spec_requires() throws NoteException {
        List<NoteSigner> signers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            signers.add(new Ed25519NoteSigner(SignerKey.generate("w" + i + ".example", KeyType.ED25519)));
        }
        signers.add(LOG);

        VerifiedNote opened = SignedNote.open(SignedNote.sign(TEXT, signers).toBytes(), TRUSTED);

        assertThat(opened.others()).hasSize(15);
    }

    @Test
    void a_note_larger_than_one_mebibyte_is_refused_before_parsing() {
        byte[] huge = new byte[SignedNote.MAX_NOTE_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');

        assertThat(errorOf(huge)).isEqualTo(new NoteError.TooLarge(huge.length, SignedNote.MAX_NOTE_BYTES));
    }

    @Test
    void the_text_of_a_note_may_hold_blank_lines_and_is_split_at_the_last_one() throws NoteException {
        String text = "first\n\nsecond\n";

        VerifiedNote opened = SignedNote.open(SignedNote.sign(text, LOG).toBytes(), TRUSTED);

        assertThat(opened.text()).isEqualTo(text);
    }
}
