package org.smolny.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.i18n.Messages;
import org.smolny.web.layout.Page;
import org.smolny.web.layout.Templates;

/**
 * How a {@link Feature} adds its pages and JSON endpoints: pages are rendered inside the shared
 * layout in the language of the request; every JSON endpoint is described in the OpenAPI
 * document as it is added.
 *
 * <p>Used at start-up only; not thread-safe. The helpers for handlers ({@link #messages}, {@link #render}) are thread-safe.
 */
public final class Routes {

    static final String MESSAGES_ATTRIBUTE = "smolny.messages";

    private final RoutesConfig routes;
    private final ApiCatalog catalog;
    private final Templates templates;
    private final String organisation;

    Routes(RoutesConfig routes, ApiCatalog catalog, Templates templates, String organisation) {
        this.routes = routes;
        this.catalog = catalog;
        this.templates = templates;
        this.organisation = organisation;
    }

    /** A page (GET, {@code text/html}) at {@code path}, in Javalin's form ({@code /record/entries/{index}}). */
    public void page(String path, Handler handler) {
        routes.get(path, handler);
    }

    /** A JSON endpoint, described by {@code operation} in the OpenAPI document. */
    public void api(ApiCatalog.Operation operation, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        catalog.add(operation);
        routes.get(operation.path(), handler);
    }

    /** A JSON or file endpoint whose route (Javalin's form, for example with {@code <path>}) differs from its OpenAPI path. */
    public void api(ApiCatalog.Operation operation, String route, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        catalog.add(operation);
        routes.get(route, handler);
    }

    /** A JSON endpoint that acts (POST), described by {@code action} in the OpenAPI document. */
    public void action(ApiCatalog.Action action, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        catalog.addAction(action);
        routes.post(action.path(), handler);
    }

    /** A page's form submission (POST, not part of the JSON API) at {@code path}; the handler checks the session's CSRF token. */
    public void form(String path, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        routes.post(path, handler);
    }

    /** The messages in the language of this request. */
    public static Messages messages(Context ctx) {
        Messages messages = ctx.attribute(MESSAGES_ATTRIBUTE);
        if (messages == null) {
            throw new IllegalStateException("The language of the request was not resolved before " + ctx.path());
        }
        return messages;
    }

    /**
     * Answers with template {@code template} inside the layout. The template receives {@code page}
     * (a {@link Page}) and the entries of {@code model}.
     *
     * @param section  the navigation section the page belongs to
     * @param title    the page's title, already in the language of the request
     */
    public void render(Context ctx, String template, String section, String title, Map<String, Object> model) {
        ctx.html(html(ctx, template, section, title, model));
    }

    String html(Context ctx, String template, String section, String title, Map<String, Object> model) {
        String location = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        Page page = new Page(messages(ctx), title, location, section, organisation);
        Map<String, Object> parameters = new HashMap<>(model);
        parameters.put("page", page);
        return templates.render(template, parameters);
    }
}
