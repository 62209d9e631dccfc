package org.smolny.web.congress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smolny.council.member.MemberId;
import org.smolny.web.Routes;
import org.smolny.web.auth.Session;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

/**
 * The congress's pages: the list of congresses, sign-in, the delegate's hall, the chair's console and the projector
 * view, and the forms they post. Every form works without JavaScript (a redirect back to the page shows the new
 * state); with JavaScript the pages follow the congress's events and show each result as it is recorded.
 *
 * <p>Thread-safe.
 */
public final class CongressPages {

    private final Routes routes;
    private final CongressFeature feature;

    CongressPages(Routes routes, CongressFeature feature) {
        this.routes = routes;
        this.feature = feature;
    }

    /**
     * What a page shows of the signed-in person.
     *
     * @param member    their member id, or null when not signed in (or an administrator without membership)
     * @param csrfToken the token the page's forms carry, or null
     */
    public record Viewer(String member, String csrfToken) {

        public boolean signedIn() {
            return csrfToken != null;
        }
    }

    /**
     * Names of members as the pages show them: from the erasable person table, or the pseudonymous id once erased.
     * Each name is looked up once per page. Not thread-safe: one per rendering.
     */
    public static final class Names {
        private final CongressFeature feature;
        private final Map<String, String> known = new HashMap<>();

        Names(CongressFeature feature) {
            this.feature = feature;
        }

        /** A round of a count with each candidate's id replaced by their name. */
        public String rounds(String round, List<String> candidates) {
            String text = round;
            for (String candidate : candidates) {
                text = text.replace(candidate, of(candidate));
            }
            return text;
        }

        /** The name of member {@code id}, or the id itself when it is not a member id or the person was erased. */
        public String of(String id) {
            if (id == null) {
                return "";
            }
            return known.computeIfAbsent(id, text -> {
                try {
                    return feature.name(MemberId.parse(text));
                } catch (IllegalArgumentException notMember) {
                    return text;
                }
            });
        }
    }

    void list(Context ctx) {
        routes.render(ctx, "congress/list.jte", "congress", Routes.messages(ctx).get("congress.list.title"),
                CongressFeature.model("congresses", feature.all(), "viewer", viewer(ctx)));
    }

    void signInPage(Context ctx) {
        routes.render(ctx, "congress/sign-in.jte", "congress", Routes.messages(ctx).get("congress.sign-in.title"),
                CongressFeature.model("back", back(ctx.queryParam("back")), "failed", false));
    }

    void signIn(Context ctx) {
        String login = ctx.formParam("login");
        String password = ctx.formParam("password");
        String back = back(ctx.formParam("back"));
        if (login != null && password != null && feature.sessions().signIn(ctx, login, password).isPresent()) {
            CongressFeature.redirect(ctx, back);
            return;
        }
        ctx.status(401);
        routes.render(ctx, "congress/sign-in.jte", "congress", Routes.messages(ctx).get("congress.sign-in.title"),
                CongressFeature.model("back", back, "failed", true));
    }

    void hall(Context ctx) {
        hall(ctx, null);
    }

    private void hall(Context ctx, String error) {
        CongressView congress = feature.view(ctx);
        routes.render(ctx, "congress/hall.jte", "congress", Routes.messages(ctx).get("congress.hall.title"),
                CongressFeature.model("congress", congress, "viewer", viewer(ctx), "names", new Names(feature), "error", error));
    }

    void console(Context ctx) {
        console(ctx, null);
    }

    private void console(Context ctx, String error) {
        CongressView congress = feature.view(ctx);
        routes.render(ctx, "congress/console.jte", "congress", Routes.messages(ctx).get("congress.console.title"),
                CongressFeature.model("congress", congress, "viewer", viewer(ctx), "names", new Names(feature), "error", error));
    }

    void projector(Context ctx) {
        CongressView congress = feature.view(ctx);
        routes.render(ctx, "congress/projector.jte", "congress", Routes.messages(ctx).get("congress.projector.title"),
                CongressFeature.model("congress", congress, "names", new Names(feature)));
    }

    /** The minutes, written from the record, as a page. */
    void minutes(Context ctx) {
        CongressView congress = feature.view(ctx);
        String markdown = feature.minutes(ctx);
        routes.render(ctx, "congress/minutes.jte", "congress", Routes.messages(ctx).get("congress.minutes.title"),
                CongressFeature.model("congress", congress, "html", MinutesHtml.of(markdown)));
    }

    /** A form of the hall or the console: the act named in the path, its fields from the form; back to the page. */
    void act(Context ctx) {
        String name = ctx.pathParam("act");
        CongressActs.Act act = feature.acts().find(name)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "problem.congress.no-act", name));
        String back = back(ctx.formParam("back"));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("congress", CongressFeature.congressId(ctx.pathParam("congress")).toString());
        for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
            String key = field.getKey();
            String value = field.getValue().isEmpty() ? "" : field.getValue().getFirst();
            if (key.equals("csrf") || key.equals("back") || value.isEmpty()) {
                continue;
            }
            int dot = key.indexOf('.');
            if (dot > 0) {
                ObjectNode nested = body.has(key.substring(0, dot)) && body.get(key.substring(0, dot)) instanceof ObjectNode object
                        ? object : body.putObject(key.substring(0, dot));
                nested.put(key.substring(dot + 1), value);
            } else {
                body.put(key, value);
            }
        }
        try {
            formFields(body);
            if (name.equals("cast-ranked-ballot")) {
                rankingFromRanks(body);
            }
            feature.act(ctx, act, body);
        } catch (ProblemException refused) {
            if (refused.type() == ProblemType.NOT_FOUND || refused.type() == ProblemType.INVALID_PARAMETER) {
                throw refused;
            }
            ctx.status(refused.type().status());
            String reason = Routes.messages(ctx).get(refused.detailKey(), refused.detailArguments());
            if (back.endsWith("/chair")) {
                console(ctx, reason);
            } else {
                hall(ctx, reason);
            }
            return;
        }
        CongressFeature.redirect(ctx, back);
    }

    /**
     * The form fields that stand for a list of objects or of lists: agenda items ({@code items}, one a line as
     * {@code title | minutes | speaking minutes}) and ranked ballots ({@code ballots}, one a line, ids separated by
     * commas, first preference first).
     */
    private static void formFields(ObjectNode body) {
        if (body.path("items").isTextual()) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            int number = 0;
            for (String line : body.path("items").asText().split("\r\n|\n|\r")) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", -1);
                if (parts.length != 3) {
                    throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body",
                            "agenda line " + number + " must read 'title | minutes | speaking minutes', not '" + line.strip() + "'");
                }
                items.addObject().put("title", parts[0].strip()).put("minutes", parts[1].strip()).put("speakingMinutes", parts[2].strip());
            }
            body.set("items", items);
        }
        if (body.path("ballots").isTextual()) {
            ArrayNode ballots = JsonNodeFactory.instance.arrayNode();
            for (String line : body.path("ballots").asText().split("\r\n|\n|\r")) {
                if (line.isBlank()) {
                    continue;
                }
                ArrayNode ranking = ballots.addArray();
                for (String id : line.split(",")) {
                    if (!id.isBlank()) {
                        ranking.add(id.strip());
                    }
                }
            }
            body.set("ballots", ballots);
        }
    }

    /**
     * The ranked ballot form: a field {@code rank.<candidate's member id>} per candidate holding the rank given (1 for
     * the first preference; left empty, not ranked) becomes {@code ranking}, the candidates in order of their numbers.
     * Numbers need not follow each other; two candidates with the same number, or a number that is not a whole number
     * from 1, are refused with the candidate named.
     */
    private static void rankingFromRanks(ObjectNode body) {
        java.util.TreeMap<Integer, String> byRank = new java.util.TreeMap<>();
        if (body.get("rank") instanceof ObjectNode ranks) {
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> mark : ranks.properties()) {
                String text = mark.getValue().asText().strip();
                int rank;
                try {
                    rank = Integer.parseInt(text);
                } catch (NumberFormatException notNumber) {
                    rank = 0;
                }
                if (rank < 1) {
                    throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body",
                            "the rank of candidate " + mark.getKey() + " must be a whole number from 1, not '" + text + "'");
                }
                String other = byRank.put(rank, mark.getKey());
                if (other != null) {
                    throw new ProblemException(ProblemType.INVALID_BODY, "problem.council.body",
                            "candidates " + other + " and " + mark.getKey() + " both have rank " + rank + ": give each candidate its own number");
                }
            }
            body.remove("rank");
        }
        if (!body.has("ranking")) {
            ArrayNode ranking = body.putArray("ranking");
            byRank.values().forEach(ranking::add);
        }
    }

    private Viewer viewer(Context ctx) {
        return feature.session(ctx).map(session -> new Viewer(member(session), session.csrfToken())).orElse(new Viewer(null, null));
    }

    private static String member(Session session) {
        return session.member() == null ? null : session.member().toString();
    }

    /** Where a form returns: a congress page of this server, never elsewhere. */
    private static String back(String requested) {
        if (requested != null && requested.startsWith("/congress") && !requested.startsWith("//") && !requested.contains("\\")
                && requested.chars().noneMatch(Character::isISOControl)) {
            return requested;
        }
        return "/congress";
    }
}
