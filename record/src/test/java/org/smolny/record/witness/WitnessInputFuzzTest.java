package org.smolny.record.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.note.Ed25519NoteVerifier;
import org.smolny.record.note.KeyType;
import org.smolny.record.note.NoteException;
import org.smolny.record.note.NoteVerifiers;
import org.smolny.record.note.SignedNote;
import org.smolny.record.note.SignerKey;

/**
 * Mutated notes and add-checkpoint requests (bit flips, insertions, deletions, duplications, truncations,
 * stray newlines and em dashes, from a fixed seed) get a typed refusal: never another exception, never a
 * server error, never a cosignature of something the log did not sign.
 */
@Tag("fuzz")
class WitnessInputFuzzTest {

    private static final int ROUNDS = 20_000;
    private static final byte[] EM_DASH = "\u2014 ".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    @Test
    void mutated_signed_notes_are_refused_with_a_note_error_or_still_verify() {
        TestLog log = TestLog.create("smolny.example/log", 10);
        NoteVerifiers verifiers = NoteVerifiers.of(new Ed25519NoteVerifier(log.verifierKey()));
        byte[] valid = log.checkpoint(10).toBytes();
        Random random = new Random(20261127L);
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] mutated = mutate(valid, random);
            try {
                String text = SignedNote.open(mutated, verifiers).text();
                assertThat(text).as("round %d", round).isEqualTo(log.checkpointText(10));
                accepted++;
            } catch (NoteException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
        assertThat(accepted).isLessThan(ROUNDS / 10);
    }

    @Test
    void mutated_add_checkpoint_requests_never_cause_a_server_error_or_a_false_cosignature() throws Exception {
        TestLog log = TestLog.create("smolny.example/log", 20);
        try (Witness witness = new Witness(new Cosigner(SignerKey.generate("w.example", KeyType.COSIGNATURE_V1),
                Clock.systemUTC()), List.of(log.known()), data)) {
            fuzz(witness, log);
        }
    }

    private static void fuzz(Witness witness, TestLog log) {
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), log.checkpoint(10).toBytes())))
                .isInstanceOf(WitnessResponse.Cosigned.class);
        byte[] valid = new AddCheckpointRequest(10, log.consistencyProof(10, 20), log.checkpoint(20).toBytes()).encode();
        Random random = new Random(1917L);
        for (int round = 0; round < ROUNDS; round++) {
            WitnessResponse response = witness.addCheckpoint(mutate(valid, random));
            assertThat(response.status()).as("round %d: %s", round, response.body()).isIn(200, 400, 403, 404, 409, 422);
            long size = witness.latest(log.origin).orElseThrow().size();
            assertThat(witness.latest(log.origin).orElseThrow().rootHash()).isEqualTo(log.root((int) size));
        }
    }

    private static byte[] mutate(byte[] input, Random random) {
        byte[] bytes = input.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(7)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes = splice(bytes, at, 0, new byte[] {(byte) random.nextInt(256)});
                case 2 -> bytes = splice(bytes, at, Math.min(1 + random.nextInt(8), bytes.length - at), new byte[0]);
                case 3 -> bytes = splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(16))));
                case 4 -> bytes = Arrays.copyOf(bytes, at);
                case 5 -> bytes = splice(bytes, at, 0, new byte[] {'\n'});
                default -> bytes = splice(bytes, at, 0, EM_DASH);
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }
}
