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

    /**
     * Checks 24–27 match a board line and a record entry when their sorted forms are equal (BoardDigests.Form). That is
     * sound if two JSON texts with equal sorted forms have equal RFC 8785 forms whenever both have one. Here the second
     * text is the first's sorted form (so their sorted forms must be equal, the sorted form being idempotent).
     */
    @FuzzTest(maxDuration = "30s")
    void the_sorted_form_of_any_json_has_the_same_rfc_8785_form(byte[] data) {
        byte[] canonical;
        try {
            canonical = CanonicalJson.canonicalize(BoardDigests.Form.CANONICAL.parse(data));
        } catch (InvalidEntryException notIJson) {
            return; // not a board entry the record could hold
        }
        byte[] sorted = BoardDigests.Form.SORTED.bytes(BoardDigests.Form.SORTED.parse(data));
        byte[] resorted = BoardDigests.Form.SORTED.bytes(BoardDigests.Form.SORTED.parse(sorted));
        if (!Arrays.equals(sorted, resorted)) {
            throw new AssertionError("the sorted form is not idempotent: " + text(sorted) + " then " + text(resorted));
        }
        byte[] again;
        try {
            again = CanonicalJson.canonicalize(BoardDigests.Form.CANONICAL.parse(sorted));
        } catch (InvalidEntryException noRfc8785Form) {
            return; // e.g. 666…662E0 (a fraction in RFC 8785) sorted as the integer 666…662, not exactly a double
        }
        if (!Arrays.equals(canonical, again)) {
            throw new AssertionError("the sorted form " + text(sorted) + " has another RFC 8785 form than the input");
        }
    }

    private static String text(byte[] utf8) {
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
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
