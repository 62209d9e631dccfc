package org.smolny.record.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smolny.record.note.Ed25519NoteSigner;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteError;
import org.smolny.record.note.NoteSignature;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;
import org.smolny.record.note.VerifiedNote;

/** C2SP tlog-cosignature v1: witnesses cosign checkpoints, anyone holding the witness key verifies. */
class CosignatureTest {

    private static final String CHECKPOINT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final byte[] TEXT = CHECKPOINT.getBytes(StandardCharsets.UTF_8);
    private static final SignerKey WITNESS_KEY = SignerKey.generate("witness.example.com/w1", KeyType.COSIGNATURE_V1);
    private static final Cosigner WITNESS = new Cosigner(WITNESS_KEY,
            Clock.fixed(Instant.ofEpochSecond(1679315147), ZoneOffset.UTC));
    private static final CosignatureVerifier VERIFIER = new CosignatureVerifier(WITNESS_KEY.verifierKey());

    @Test
    void a_witness_cosignature_verifies_with_the_witness_public_key() {
        Cosignature cosignature = WITNESS.cosign(TEXT);

        assertThat(cosignature.timestamp()).isEqualTo(1679315147L);
        assertThat(VERIFIER.verify(TEXT, cosignature)).isTrue();
    }

    @Test
    void the_cosigned_message_is_the_header_the_time_line_and_the_checkpoint_text() {
        Cosignature cosignature = WITNESS.cosign(TEXT, 1679315147L);
        byte[] message = ("cosignature/v1\ntime 1679315147\n" + CHECKPOINT).getBytes(StandardCharsets.UTF_8);

        assertThat(cosignature.signature()).isEqualTo(WITNESS_KEY.signEd25519(message));
    }

    @Test
    void a_cosignature_does_not_verify_for_another_checkpoint() {
        Cosignature cosignature = WITNESS.cosign(TEXT);
        byte[] other = CHECKPOINT.replace("20852163", "20852164").getBytes(StandardCharsets.UTF_8);

        assertThat(VERIFIER.verify(other, cosignature)).isFalse();
    }

    @Test
    void a_cosignature_with_a_changed_timestamp_does_not_verify() {
        Cosignature cosignature = WITNESS.cosign(TEXT);
        Cosignature moved = new Cosignature(cosignature.witnessName(), cosignature.keyId(),
                cosignature.timestamp() + 1, cosignature.signature());

        assertThat(VERIFIER.verify(TEXT, moved)).isFalse();
    }

    @Test
    void a_cosignature_by_another_witness_does_not_verify_with_this_witness_key() {
        Cosigner stranger = new Cosigner(SignerKey.generate("witness.example.com/w1", KeyType.COSIGNATURE_V1),
                Clock.systemUTC());

        assertThat(VERIFIER.verify(TEXT, stranger.cosign(TEXT))).isFalse();
    }

    @Test
    void the_key_id_of_a_witness_key_commits_to_the_cosignature_type_byte() {
        assertThat(WITNESS.keyId()).isEqualTo(org.smolny.record.note.KeyId.of(
                "witness.example.com/w1", KeyType.COSIGNATURE_V1, WITNESS_KEY.verifierKey().publicKey()));
        assertThat(WITNESS.keyId()).isNotEqualTo(org.smolny.record.note.KeyId.of(
                "witness.example.com/w1", KeyType.ED25519, WITNESS_KEY.verifierKey().publicKey()));
    }

    @Test
    void the_cosignature_line_of_the_c2sp_example_carries_the_timestamp_of_its_signed_message() throws NoteException {
        NoteSignature line = SignedNote.parseSignatureLine("\u2014 witness.example.com/w1 "
                + "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==", 1);

        Cosignature cosignature = Cosignature.fromNoteSignature(line);

        assertThat(cosignature.timestamp()).isEqualTo(1679315147L);
        assertThat(cosignature.keyId().hex()).isEqualTo("8d66cf3f");
        assertThat(cosignature.line()).isEqualTo(line.line());
    }

    @Test
    void a_checkpoint_with_log_signature_and_cosignature_opens_with_both_keys() throws NoteException {
        SignerKey logKey = SignerKey.generate("example.com/behind-the-sofa", KeyType.ED25519);
        SignedNote checkpoint = SignedNote.sign(CHECKPOINT, new Ed25519NoteSigner(logKey))
                .withSignatures(java.util.List.of(WITNESS.cosign(TEXT).toNoteSignature()));

        VerifiedNote opened = SignedNote.open(checkpoint.toBytes(),
                NoteVerifiers.of(new Ed25519NoteVerifier(logKey.verifierKey()), VERIFIER));

        assertThat(opened.verified()).extracting(NoteSignature::keyName)
                .containsExactly("example.com/behind-the-sofa", "witness.example.com/w1");
    }

    @Test
    void a_cosignature_of_the_wrong_length_is_refused_as_such_by_a_note_reader() {
        SignedNote checkpoint = SignedNote.sign(CHECKPOINT, new Ed25519NoteSigner(
                SignerKey.generate("w", KeyType.ED25519)));
        NoteSignature shortLine = new NoteSignature(WITNESS.name(), WITNESS.keyId(), new byte[64]);

        assertThatThrownBy(() -> SignedNote.open(checkpoint.withSignatures(java.util.List.of(shortLine)).toBytes(),
                NoteVerifiers.of(VERIFIER)))
                .isInstanceOfSatisfying(NoteException.class, e -> assertThat(e.error())
                        .isEqualTo(new NoteError.WrongSignatureLength(WITNESS.name(), WITNESS.keyId(), 64, 72)));
    }

    @Test
    void a_note_signing_key_cannot_serve_as_a_witness_key() {
        SignerKey noteKey = SignerKey.generate("w", KeyType.ED25519);

        assertThatThrownBy(() -> new Cosigner(noteKey, Clock.systemUTC())).hasMessageContaining("0x04");
        assertThatThrownBy(() -> new CosignatureVerifier(noteKey.verifierKey())).hasMessageContaining("0x04");
    }
}
