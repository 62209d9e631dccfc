package org.smolny.record.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The golang sumdb signed-note vector (resource signed-note/golden.json): signing and verifying, and mutations. */
class NoteGoldenVectorTest {

    private static JsonNode golden;

    @BeforeAll
    static void readVector() throws IOException {
        try (InputStream in = NoteGoldenVectorTest.class.getResourceAsStream("/signed-note/golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    private static String field(String name) {
        return golden.get(name).asText();
    }

    @Test
    void the_golden_signer_key_yields_the_golden_verifier_key() {
        SignerKey signer = SignerKey.parse(field("signer_key"));

        assertThat(signer.verifierKey().encoded()).isEqualTo(field("verifier_key"));
        assertThat(signer.keyId().hex()).isEqualTo("c74f20a3");
        assertThat(signer.encodedSecret()).isEqualTo(field("signer_key"));
    }

    @Test
    void signing_the_golden_text_gives_the_golden_note_byte_for_byte() {
        Ed25519NoteSigner signer = new Ed25519NoteSigner(SignerKey.parse(field("signer_key")));

        SignedNote note = SignedNote.sign(field("text"), signer);

        assertThat(note.encoded()).isEqualTo(field("signed_note"));
    }

    @Test
    void the_golden_note_verifies_with_the_golden_verifier_key() throws NoteException {
        NoteVerifiers verifiers = NoteVerifiers.of(Ed25519NoteVerifier.parse(field("verifier_key")));

        VerifiedNote note = SignedNote.open(field("signed_note").getBytes(StandardCharsets.UTF_8), verifiers);

        assertThat(note.text()).isEqualTo(field("text"));
        assertThat(note.verified()).hasSize(1);
        assertThat(note.verified().getFirst().keyName()).isEqualTo("PeterNeumann");
    }

    @Test
    void a_golden_note_with_one_changed_letter_of_text_is_refused_as_forged() {
        String altered = field("signed_note").replace("cryptography", "cryptographY");

        assertThatThrownBy(() -> open(altered))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.error()).isInstanceOf(NoteError.InvalidSignature.class))
                .hasMessageContaining("PeterNeumann+c74f20a3");
    }

    @Test
    void a_golden_note_with_a_flipped_signature_bit_is_refused_as_forged() {
        byte[] raw = field("signed_note").getBytes(StandardCharsets.UTF_8);
        String note = field("signed_note");
        String line = note.substring(note.indexOf('\u2014'));
        String b64 = line.substring(line.lastIndexOf(' ') + 1).strip();
        byte[] signature = java.util.Base64.getDecoder().decode(b64);
        signature[20] ^= 0x01;
        String altered = note.replace(b64, java.util.Base64.getEncoder().encodeToString(signature));
        assertThat(altered.getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(raw);

        assertThatThrownBy(() -> open(altered))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.error()).isInstanceOf(NoteError.InvalidSignature.class));
    }

    @Test
    void a_golden_note_under_another_key_name_is_refused_as_signed_by_no_known_key() {
        String altered = field("signed_note").replace("\u2014 PeterNeumann ", "\u2014 PeterNeumann2 ");

        assertThatThrownBy(() -> open(altered))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.error()).isInstanceOf(NoteError.UnknownKeys.class))
                .hasMessageContaining("PeterNeumann2");
    }

    @Test
    void a_golden_note_without_its_final_newline_is_refused() {
        String note = field("signed_note");

        assertThatThrownBy(() -> open(note.substring(0, note.length() - 1)))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.error()).isInstanceOf(NoteError.MissingFinalNewline.class));
    }

    @Test
    void a_golden_note_with_trailing_garbage_after_its_signature_is_refused() {
        assertThatThrownBy(() -> open(field("signed_note") + "garbage\n"))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.error()).isInstanceOf(NoteError.MalformedSignatureLine.class))
                .hasMessageContaining("line 5");
    }

    private static VerifiedNote open(String note) throws NoteException {
        return SignedNote.open(note.getBytes(StandardCharsets.UTF_8),
                NoteVerifiers.of(Ed25519NoteVerifier.parse(field("verifier_key"))));
    }
}
