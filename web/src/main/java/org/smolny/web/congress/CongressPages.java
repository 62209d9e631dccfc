package org.smolny.web.congress;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
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
        CongressView congress = feature.view(ctx);
        routes.render(ctx, "congress/hall.jte", "congress", Routes.messages(ctx).get("congress.hall.title"),
                CongressFeature.model("congress", congress, "viewer", viewer(ctx)));
    }

    void console(Context ctx) {
        CongressView congress = feature.view(ctx);
        routes.render(ctx, "congress/console.jte", "congress", Routes.messages(ctx).get("congress.console.title"),
                CongressFeature.model("congress", congress, "viewer", viewer(ctx)));
    }

    void projector(Context ctx) {
        CongressView congress = feature.view(ctx);
        routes.render(ctx, "congress/projector.jte", "congress", Routes.messages(ctx).get("congress.projector.title"),
                CongressFeature.model("congress", congress));
    }

    /** A form of the hall or the console: the act named in the path, its fields from the form; back to the page. */
    void act(Context ctx) {
        String name = ctx.pathParam("act");
        CongressActs.Act act = feature.acts().find(name)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "problem.congress.no-act", name));
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
        feature.act(ctx, act, body);
        CongressFeature.redirect(ctx, back(ctx.formParam("back")));
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
