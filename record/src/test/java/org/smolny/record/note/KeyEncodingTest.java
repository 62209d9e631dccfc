package org.smolny.record.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Signer and verifier keys in the C2SP signed-note encoding. */
class KeyEncodingTest {

    @Test
    void a_generated_signer_key_survives_encoding_and_parsing() {
        SignerKey key = SignerKey.generate("smolny.example/log", KeyType.ED25519);

        SignerKey parsed = SignerKey.parse(key.encodedSecret());

        assertThat(parsed).isEqualTo(key);
        assertThat(parsed.verifierKey()).isEqualTo(key.verifierKey());
        assertThat(VerifierKey.parse(key.verifierKey().encoded())).isEqualTo(key.verifierKey());
    }

    @Test
    void a_signer_key_never_shows_its_secret_when_printed() {
        SignerKey key = SignerKey.generate("smolny.example/log", KeyType.ED25519);
        String secretPart = key.encodedSecret().split("\\+", 5)[4];

        assertThat(key.toString()).doesNotContain(secretPart).contains("secret hidden").contains(key.keyId().hex());
    }

    @Test
    void two_different_signer_keys_with_the_same_name_are_not_equal() {
        assertThat(SignerKey.generate("a.example", KeyType.ED25519))
                .isNotEqualTo(SignerKey.generate("a.example", KeyType.ED25519));
    }

    @Test
    void a_cosigner_key_has_a_different_key_id_from_the_same_key_as_a_note_signer() {
        SignerKey cosigner = SignerKey.generate("witness.example", KeyType.COSIGNATURE_V1);
        VerifierKey asNoteKey = VerifierKey.of("witness.example", KeyType.ED25519, cosigner.verifierKey().publicKey());

        String material = cosigner.verifierKey().encoded().split("\\+", 3)[2];
        assertThat(java.util.Base64.getDecoder().decode(material)[0]).isEqualTo((byte) 0x04);
        assertThat(asNoteKey.keyId()).isNotEqualTo(cosigner.keyId());
    }

    @Test
    void a_verifier_key_whose_key_id_does_not_match_its_key_is_refused() {
        String good = SignerKey.generate("a.example", KeyType.ED25519).verifierKey().encoded();
        String[] parts = good.split("\\+", 3);
        String wrongId = parts[0] + "+" + (parts[1].startsWith("0") ? "1" : "0") + parts[1].substring(1) + "+" + parts[2];

        assertThatThrownBy(() -> VerifierKey.parse(wrongId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match its public key");
    }

    @Test
    void a_private_key_given_where_a_verifier_key_is_expected_is_refused_without_echoing_it() {
        String secret = SignerKey.generate("a.example", KeyType.ED25519).encodedSecret();

        assertThatThrownBy(() -> VerifierKey.parse(secret)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private signer key").message().doesNotContain(secret);
    }

    @Test
    void verifier_keys_with_malformed_parts_are_refused_saying_which_part() {
        assertThatThrownBy(() -> VerifierKey.parse("only+two")).hasMessageContaining("name+hexid+base64key");
        assertThatThrownBy(() -> VerifierKey.parse("a.example+c74f20a+ARpc")).hasMessageContaining("not 8 hex digits");
        assertThatThrownBy(() -> VerifierKey.parse("a.example+c74f20a3+ARpc")).hasMessageContaining("1 type byte and 32");
        assertThatThrownBy(() -> VerifierKey.parse("a.example+c74f20a3+A*pc")).hasMessageContaining("base64");
        assertThatThrownBy(() -> VerifierKey.parse(" +c74f20a3+ARpc")).hasMessageContaining("key name");
    }

    @Test
    void a_key_with_an_unsupported_signature_type_is_refused() {
        byte[] typed = new byte[33];
        typed[0] = 0x02;
        String encoded = "a.example+00000000+" + java.util.Base64.getEncoder().encodeToString(typed);

        assertThatThrownBy(() -> VerifierKey.parse(encoded)).hasMessageContaining("unsupported signature type 0x02");
    }
}
