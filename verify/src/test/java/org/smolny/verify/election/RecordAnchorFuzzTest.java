package org.smolny.verify.election;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.json.CanonicalJson;
import org.smolny.record.json.InvalidEntryException;
import org.smolny.record.tiles.TilePaths;

/**
 * Jazzer fuzz tests of what checks 24–27 read (ballot spec §11.7): the export's entry bundles, and the claim the fast
 * comparison rests on — the sorted form of any JSON the record module accepts has the same RFC 8785 form. Without
 * JAZZER_FUZZ set, Jazzer replays the seed inputs in RecordAnchorFuzzTestInputs; with JAZZER_FUZZ=1 it fuzzes each
 * target for at most 30 s.
 */
@Tag("fuzz")
class RecordAnchorFuzzTest {

    @TempDir
    Path export;

    @FuzzTest(maxDuration = "30s")
    void the_sorted_form_of_any_json_has_the_same_rfc_8785_form(byte[] data) {
        byte[] canonical;
        try {
            canonical = CanonicalJson.canonicalize(BoardDigests.Form.CANONICAL.parse(data));
        } catch (InvalidEntryException notIJson) {
            return; // not a board entry the record could hold
        }
        byte[] sorted = BoardDigests.Form.SORTED.bytes(BoardDigests.Form.SORTED.parse(data));
        byte[] again = CanonicalJson.canonicalize(CanonicalJson.parse(sorted));
        if (!Arrays.equals(canonical, again)) {
            throw new AssertionError("the sorted form " + new String(sorted, java.nio.charset.StandardCharsets.UTF_8)
                    + " has another RFC 8785 form than the input");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void an_entry_bundle_is_read_or_cut_short_never_anything_else(FuzzedDataProvider data) throws IOException {
        int width = data.consumeInt(1, TilePaths.WIDTH - 1);
        byte[] bundle = data.consumeRemainingAsBytes();
        Path file = export.resolve(TilePaths.entries(0, width));
        Files.createDirectories(file.getParent());
        Files.write(file, bundle);
        long[] next = {0};
        long[] bytes = {0};
        long read = ExportEntries.read(export, width, (index, entry) -> {
            if (index != next[0]++) {
                throw new AssertionError("entry " + index + " read out of order");
            }
            bytes[0] += 2 + entry.length;
        });
        if (read != next[0] || read > width || bytes[0] > bundle.length) {
            throw new AssertionError("read " + read + " entries of " + width + " (" + bytes[0] + " of " + bundle.length + " bytes)");
        }
    }
}
