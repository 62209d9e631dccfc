package org.smolny.ballot.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.group.InvalidEncodingException;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.JsonReader;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.record.RecordFormatException;

/**
 * Jazzer fuzz tests of every parser of ballots, proofs and records: whatever the bytes, a parser either returns a valid
 * value or throws its documented exception naming the problem — never another exception. Without JAZZER_FUZZ set,
 * Jazzer replays the seed inputs in ParserFuzzTestInputs (regression mode); with JAZZER_FUZZ=1 it fuzzes each target
 * for at most 30 s.
 */
@Tag("fuzz")
class ParserFuzzTest {
    private static final P256Group GROUP = P256Group.instance();
    private static final ElectionRecordFiles FILES = new ElectionRecordFiles(Path.of("unused"), GROUP);
    private static final RecordCodec CODEC = new RecordCodec(GROUP);

    @FuzzTest(maxDuration = "30s")
    void group_decoding_accepts_valid_encodings_or_says_what_is_wrong(byte[] data) {
        try {
            GROUP.decodeElementOrIdentity(data);
        } catch (InvalidEncodingException expected) {
            // rejected with a reason
        }
        try {
            GROUP.decodeScalar(data);
        } catch (InvalidEncodingException expected) {
            // rejected with a reason
        }
    }

    @FuzzTest(maxDuration = "30s")
    void a_board_line_parses_or_is_rejected_with_its_line_number(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        try {
            FILES.parseBoardLine(line, 7);
        } catch (RecordFormatException expected) {
            if (!expected.getMessage().startsWith("board.jsonl line 7")) {
                throw new AssertionError("the error does not name the line: " + expected.getMessage());
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void a_manifest_parses_or_is_rejected_with_a_reason(byte[] data) {
        try {
            Manifest m = Manifest.parse(data);
            if (!Manifest.parse(m.canonicalJson()).equals(m)) {
                throw new AssertionError("the canonical form does not parse back to the same manifest");
            }
        } catch (IllegalArgumentException expected) {
            // rejected with a reason
        }
    }

    @FuzzTest(maxDuration = "30s")
    void ceremony_tally_and_decryption_objects_parse_or_are_rejected(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 4);
        String text = data.consumeRemainingAsString();
        try {
            JsonReader r = RecordCodec.root(RecordCodec.parse("fuzz", text), "fuzz");
            switch (which) {
                case 0 -> CODEC.announcement(r);
                case 1 -> CODEC.share(r);
                case 2 -> CODEC.partial(r);
                case 3 -> CODEC.tally(r);
                default -> CODEC.credentials(r);
            }
        } catch (IllegalArgumentException expected) {
            // RecordFormatException and the value types' own validation errors, each with a reason
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
