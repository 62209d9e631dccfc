package org.smolny.web.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.tally.TrackingCode;
import org.smolny.web.Feature;
import org.smolny.web.Routes;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.api.ApiCatalog.Location;
import org.smolny.web.api.ApiCatalog.Parameter;
import org.smolny.web.i18n.Messages;
import org.smolny.web.problem.Parameters;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

/**
 * The voting page and the public ballot board. The page encrypts the voter's choice in the browser
 * ({@code /static/ballot/vote.mjs} with {@code smolny-ballot.mjs}): the server receives only the encrypted, signed
 * ballot, checks it with the {@code ballot} module and puts it on the record through the election's {@link BallotBox}.
 * The voter then casts it or challenges it (Benaloh: the opening is published and the voter votes afresh), and finds
 * the tracking code on the board page.
 *
 * <p>Thread-safe: the boxes serialise their own submissions.
 */
public final class BallotPages implements Feature {

    /** Board entries on the board page (the newest), and the most one API request returns. */
    public static final int BOARD_PAGE = 100;

    /** The media type of the board export, JSON Lines. */
    public static final String BOARD_FILE_TYPE = "application/jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAST = "cast";
    private static final Pattern TRACKING_CODE = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, BallotBox> boxes = new LinkedHashMap<>();

    public BallotPages(List<BallotBox> boxes) {
        for (BallotBox box : boxes) {
            if (this.boxes.put(box.election().id(), box) != null) {
                throw new IllegalArgumentException("two ballot boxes for election " + box.election().id());
            }
        }
    }

    @Override
    public void install(Routes routes) {
        routes.page("/ballot", ctx -> listPage(routes, ctx));
        routes.page("/ballot/{election}", ctx -> votePage(routes, ctx));
        routes.page("/ballot/{election}/board", ctx -> boardPage(routes, ctx));
        routes.action(new ApiCatalog.Action("/api/ballot/{election}/cast", "castBallot",
                "Casts an encrypted, signed ballot (ballot spec §10.4 \"ballot\"). It is put on the board and the record only if "
                        + "its credential is on the list and its signature and every proof hold (ballot spec §7.4); the answer "
                        + "is its tracking code, the code before it and its position.",
                null, Map.of(201, "On the board: trackingCode, previousTrackingCode, position, board",
                        400, "The body is not a JSON object", 404, "No open election has this id",
                        422, "The ballot was refused, with the reason; nothing was written")), ctx -> {
            BallotBox box = box(ctx);
            answer(ctx, box, box.cast(body(ctx)));
        });
        routes.action(new ApiCatalog.Action("/api/ballot/{election}/challenge", "challengeBallot",
                "Publishes a challenged ballot with its opening (Benaloh, ballot spec §7.3): {\"ballot\": …, \"reveal\": "
                        + "{\"plaintexts\", \"nonces\"}}. It is checked like a cast ballot, and the opening must re-encrypt to it; "
                        + "it is never counted.",
                null, Map.of(201, "On the board: trackingCode, previousTrackingCode, position, board",
                        400, "The body is not a JSON object", 404, "No open election has this id",
                        422, "The ballot or its opening was refused, with the reason; nothing was written")), ctx -> {
            BallotBox box = box(ctx);
            JsonNode body = body(ctx);
            answer(ctx, box, box.challenge(body.path("ballot"), body.path("reveal")));
        });
        Parameter election = Parameter.text("election", Location.PATH, "The election's id on this server", true);
        routes.api(new ApiCatalog.Operation("/api/ballot/{election}", "ballotElection",
                "What a voter's device needs to encrypt a ballot: the manifest's canonical JSON (its SHA-256 is the manifest "
                        + "hash), the joint election key K, and the board's first tracking code (ballot spec §1, §6.5, §7.5).",
                List.of(election), Map.of(200, "The election", 404, "No open election has this id"), "application/json"),
                ctx -> ctx.json(electionJson(box(ctx))));
        routes.api(new ApiCatalog.Operation("/api/ballot/{election}/board", "ballotBoard",
                "Board entries from position 'from', at most 'count' (1–" + BOARD_PAGE + "), each as in ballot spec §10.4.",
                List.of(election,
                        new Parameter("from", Location.QUERY, "Position of the first entry (default 0)", false, 0),
                        new Parameter("count", Location.QUERY, "How many entries (default and most " + BOARD_PAGE + ")", false, 1)),
                Map.of(200, "The entries", 400, "'from' or 'count' is not a whole number in range", 404, "No open election has this id"),
                "application/json"), ctx -> ctx.json(boardJson(ctx, box(ctx))));
        routes.api(new ApiCatalog.Operation("/ballot/{election}/board.jsonl", "ballotBoardFile",
                "The whole board as it stands now, live from the public record: board.jsonl (ballot spec §10.4), one entry "
                        + "per line in board order, each line the RFC 8785 canonical JSON of the entry's body.entry on the record. "
                        + "Save it as board.jsonl in the election record directory to run smolny election tally or smolny verify "
                        + "election on it.",
                List.of(election), Map.of(200, "The board, one JSON entry per line", 404, "No open election has this id"),
                BOARD_FILE_TYPE), ctx -> boardFile(ctx, box(ctx)));
    }

    private BallotBox box(Context ctx) {
        String id = ctx.pathParam("election");
        BallotBox box = boxes.get(id);
        if (box == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "problem.ballot.no-such-election", id);
        }
        return box;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new ProblemException(ProblemType.INVALID_BODY, "problem.ballot.not-json");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new ProblemException(ProblemType.INVALID_BODY, "problem.ballot.not-json");
        }
    }

    private static void answer(Context ctx, BallotBox box, BallotBox.Outcome outcome) {
        switch (outcome) {
            case BallotBox.Outcome.Rejected rejected ->
                    throw new ProblemException(ProblemType.BALLOT_REFUSED, "problem.ballot.rejected", rejected.reason());
            case BallotBox.Outcome.Accepted accepted -> {
                ObjectNode answer = JSON.createObjectNode();
                answer.put("trackingCode", accepted.trackingCode().hex());
                answer.put("previousTrackingCode", accepted.previous().hex());
                answer.put("position", accepted.position());
                answer.put("board", "/ballot/" + box.election().id() + "/board?code=" + accepted.trackingCode().hex());
                ctx.status(201).json(answer);
            }
        }
    }

    private static ObjectNode electionJson(BallotBox box) {
        OpenElection election = box.election();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", election.id());
        o.put("manifest", new String(election.manifest().canonicalJson(), StandardCharsets.UTF_8));
        o.put("manifestHash", Bytes.hex(election.manifest().hash().bytes()));
        o.put("electionKey", Bytes.hex(election.key().element().encode()));
        o.put("firstTrackingCode", TrackingCode.start(election.manifest().hash()).hex());
        o.put("boardSize", box.size());
        return o;
    }

    private static ObjectNode boardJson(Context ctx, BallotBox box) {
        int size = box.size();
        long from = Parameters.optionalLong("from", ctx.queryParam("from"), 0, 0);
        long count = Parameters.optionalLong("count", ctx.queryParam("count"), 1, BOARD_PAGE);
        if (count > BOARD_PAGE) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.parameter.too-large", "count",
                    Long.toString(count), Integer.toString(BOARD_PAGE));
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("size", size);
        o.put("from", from);
        ArrayNode list = o.putArray("entries");
        if (from < size) {
            box.entriesJson((int) from, (int) Math.min(count, size - from)).forEach(list::add);
        }
        return o;
    }

    /** The whole board as it stands, streamed from the record: board.jsonl (ballot spec §10.4), one entry per line. */
    private static void boardFile(Context ctx, BallotBox box) throws java.io.IOException {
        ctx.contentType(BOARD_FILE_TYPE);
        ctx.header("Content-Disposition", "attachment; filename=\"board.jsonl\"");
        ctx.header("Cache-Control", "no-store");
        int size = box.size();
        ctx.header("X-Board-Size", Integer.toString(size));
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(ctx.outputStream(), 1 << 16)) {
            box.writeBoard(out, size);
        }
    }

    // ---- pages

    /** One board entry (ballot spec §10.4 JSON) as the board page shows it, with the opening of a challenged ballot. */
    private static EntryView entryView(Messages t, List<Contest> contests, int position, JsonNode entry, boolean searched) {
        boolean cast = CAST.equals(entry.path("kind").asText());
        List<String> opening = new ArrayList<>();
        if (!cast) {
            JsonNode plaintexts = entry.path("reveal").path("plaintexts");
            for (int c = 0; c < contests.size(); c++) {
                List<String> marked = new ArrayList<>();
                for (int s = 0; s < contests.get(c).selections().size(); s++) {
                    if (plaintexts.path(c).path(s).asLong() == 1L) {
                        marked.add(contests.get(c).selections().get(s));
                    }
                }
                opening.add(contests.get(c).title() + ": " + (marked.isEmpty() ? t.get("ballot.board.opened.none") : String.join(", ", marked)));
            }
        }
        return new EntryView(position, cast, entry.path("trackingCode").asText(), opening, searched);
    }

    /** One contest as the voting page shows it. */
    public record ContestView(int index, String title, List<String> selections, boolean single, String rule) {
    }

    /** One board entry as the board page shows it: position, kind, tracking code, and the opening of a challenged ballot. */
    public record EntryView(int position, boolean cast, String trackingCode, List<String> opening, boolean searched) {
    }

    /** An open election as the list page shows it. */
    public record ElectionView(String id, String title, int boardSize) {
    }

    private void listPage(Routes routes, Context ctx) {
        List<ElectionView> elections = boxes.values().stream()
                .map(box -> new ElectionView(box.election().id(), box.election().manifest().title(), box.size()))
                .toList();
        routes.render(ctx, "ballot/list.jte", "ballot", Routes.messages(ctx).get("ballot.list.title"), Map.of("elections", elections));
    }

    private void votePage(Routes routes, Context ctx) {
        BallotBox box = box(ctx);
        Messages t = Routes.messages(ctx);
        List<ContestView> contests = new ArrayList<>();
        List<Contest> manifestContests = box.election().manifest().contests();
        for (int i = 0; i < manifestContests.size(); i++) {
            Contest c = manifestContests.get(i);
            boolean exactly = c.limitKind() == Contest.LimitKind.EXACTLY;
            boolean single = exactly && c.limit() == 1 && c.selections().size() > 1;
            String rule = exactly ? t.get("ballot.rule.exactly", Integer.toString(c.limit()))
                    : t.get("ballot.rule.at-most", Integer.toString(c.limit()));
            contests.add(new ContestView(i, c.title(), c.selections(), single, rule));
        }
        routes.render(ctx, "ballot/vote.jte", "ballot", box.election().manifest().title(),
                Map.of("electionId", box.election().id(), "contests", contests));
    }

    private void boardPage(Routes routes, Context ctx) {
        BallotBox box = box(ctx);
        Messages t = Routes.messages(ctx);
        String code = Optional.ofNullable(ctx.queryParam("code")).map(String::strip).map(s -> s.toLowerCase(java.util.Locale.ROOT)).orElse("");
        if (!code.isEmpty() && !TRACKING_CODE.matcher(code).matches()) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.ballot.bad-tracking-code", code);
        }
        Optional<Integer> found = code.isEmpty() ? Optional.empty() : box.find(TrackingCode.ofHex(code));
        int size = box.size();
        int first = Math.max(0, size - BOARD_PAGE);
        List<JsonNode> newest = box.entriesJson(first, size - first);
        List<Contest> contests = box.election().manifest().contests();
        List<EntryView> shown = new ArrayList<>();
        for (int i = size - 1; i >= first; i--) {
            shown.add(entryView(t, contests, i, newest.get(i - first), found.isPresent() && found.get() == i));
        }
        boolean foundCast = false;
        if (found.isPresent()) {
            int at = found.get();
            JsonNode entry = at >= first ? newest.get(at - first) : box.entriesJson(at, 1).getFirst();
            foundCast = CAST.equals(entry.path("kind").asText());
            if (at < first) {
                shown.add(entryView(t, contests, at, entry, true));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("electionId", box.election().id());
        model.put("code", code);
        model.put("found", found.map(i -> i + 1).orElse(0));
        model.put("foundCast", foundCast);
        model.put("size", size);
        model.put("entries", shown);
        routes.render(ctx, "ballot/board.jte", "ballot", t.get("ballot.board.title", box.election().manifest().title()), model);
    }
}
