package org.smolny.record.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smolny.record.LogKey;
import org.smolny.record.merkle.TreeHasher;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignerKey;

/** The C2SP tlog-checkpoint body: written exactly, signed as a note, opened only after its signature verifies. */
class CheckpointTest {

    private static final SignerKey LOG = SignerKey.generate("union.example/record", KeyType.ED25519);

    @Test
    void a_checkpoint_is_origin_size_and_base64_root_each_on_a_line() {
        Checkpoint checkpoint = Checkpoint.of("union.example/record", 20852163, TreeHasher.emptyRoot());
        assertThat(checkpoint.text()).isEqualTo("union.example/record\n20852163\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        Checkpoint extended = new Checkpoint("o", 1, TreeHasher.emptyRoot(), List.of("extension one"));
        assertThat(Checkpoint.parse(extended.text())).isEqualTo(extended);
    }

    @Test
    void a_signed_checkpoint_opens_with_the_log_key_and_not_with_another() throws Exception {
        String note = Checkpoint.of("union.example/record", 5, TreeHasher.emptyRoot()).sign(LogKey.signer(LOG)).encoded();
        assertThat(Checkpoint.open(note, NoteVerifiers.of(LogKey.verifier(LOG.verifierKey()))).size()).isEqualTo(5);
        SignerKey other = SignerKey.generate("union.example/record", KeyType.ED25519);
        assertThatThrownBy(() -> Checkpoint.open(note, NoteVerifiers.of(LogKey.verifier(other.verifierKey()))))
                .isInstanceOf(NoteException.class);
    }

    @Test
    void a_malformed_checkpoint_is_refused_naming_the_line() {
        String root = TreeHasher.emptyRoot().base64();
        assertThatThrownBy(() -> Checkpoint.parse("o\n05\n" + root + "\n")).hasMessage("checkpoint line 2 is not a tree size in decimal: '05'");
        assertThatThrownBy(() -> Checkpoint.parse("o\n-1\n" + root + "\n")).hasMessageStartingWith("checkpoint line 2");
        assertThatThrownBy(() -> Checkpoint.parse("o\n99999999999999999999\n" + root + "\n")).hasMessageStartingWith("checkpoint line 2");
        assertThatThrownBy(() -> Checkpoint.parse("o\n5\nAAAA\n")).hasMessageStartingWith("checkpoint line 3 is not a base64 root hash");
        assertThatThrownBy(() -> Checkpoint.parse("o\n5\n" + root + "\n\n")).hasMessage("checkpoint line 4 is empty");
        assertThatThrownBy(() -> Checkpoint.parse("o\n5\n" + root)).hasMessage("a checkpoint text ends in a newline");
        assertThatThrownBy(() -> Checkpoint.parse("\n5\n" + root + "\n")).hasMessage("checkpoint line 1 (the origin) is empty");
        assertThatThrownBy(() -> Checkpoint.parse("o\n5\n")).hasMessageStartingWith("a checkpoint has an origin, a size and a root hash line");
    }
}
