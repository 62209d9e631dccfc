package org.smolny.web.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.record.store.RecordStore;
import org.smolny.record.store.StoreConfig;
import org.smolny.web.WebServer;
import org.smolny.web.WebSettings;
import org.smolny.web.support.Http;

/** The board page on a board longer than one page, read back from the record. */
class BallotBoardPageTest {

    private static final Pattern ENTRY = Pattern.compile("data-entry=\"([0-9a-f]{64})\"");

    @TempDir
    Path folder;

    @Test
    void the_board_page_shows_the_newest_hundred_entries_and_an_older_one_the_voter_searched_for() throws Exception {
        int voters = BallotPages.BOARD_PAGE + 5;
        TestElection test = TestElection.create("branch-2026", voters);
        List<ObjectNode> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            ballots.add(test.json(test.encrypt(v, List.of(List.of(0L, 1L, 0L), List.of((long) (v % 2)))).ballot()));
        }
        try (RecordStore record = RecordStore.open(StoreConfig.sqlite(folder.resolve("record.db")));
             BallotBox box = new BallotBox(test.election, record, "Demo Union", Clock.systemUTC())) {
            List<String> codes = new ArrayList<>();
            for (ObjectNode ballot : ballots) {
                codes.add(((BallotBox.Outcome.Accepted) box.cast(ballot)).trackingCode().hex());
            }
            try (WebServer server = WebServer.start(new WebSettings("127.0.0.1", 0, "Demo Union"),
                    List.of(new BallotPages(List.of(box))))) {
                Http http = new Http(server.port());

                List<String> shown = entries(http.get("/ballot/branch-2026/board", "text/html", "en").body());
                List<String> newestFirst = new ArrayList<>(codes.subList(voters - BallotPages.BOARD_PAGE, voters));
                java.util.Collections.reverse(newestFirst);
                assertThat(shown).containsExactlyElementsOf(newestFirst);

                String oldest = codes.getFirst();
                String searched = http.get("/ballot/branch-2026/board?code=" + oldest, "text/html", "en").body();
                assertThat(searched).contains("Your tracking code is on the board.");
                assertThat(entries(searched)).hasSize(BallotPages.BOARD_PAGE + 1).endsWith(oldest);
            }
        }
    }

    private static List<String> entries(String page) {
        List<String> codes = new ArrayList<>();
        Matcher m = ENTRY.matcher(page);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
