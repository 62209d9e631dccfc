package org.smolny.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.i18n.Languages;
import org.smolny.web.i18n.Messages;
import org.smolny.web.layout.Templates;
import org.smolny.web.metrics.HttpMetrics;
import org.smolny.web.problem.Problem;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: pages in one layout and one stylesheet, in English or French, a JSON API
 * described at {@code /api/openapi.json}, errors as RFC 9457 problem details, and Prometheus
 * metrics at {@code /metrics}. Everything it serves comes from inside the application (no CDN).
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** Security headers on every answer: nothing loads from elsewhere, no inline script or style. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    private final Javalin javalin;
    private final HttpMetrics metrics;
    private final ApiCatalog catalog;

    private WebServer(Javalin javalin, HttpMetrics metrics, ApiCatalog catalog) {
        this.javalin = javalin;
        this.metrics = metrics;
        this.catalog = catalog;
    }

    /**
     * Starts a server with these features and returns once it listens.
     *
     * @throws IllegalStateException if the address cannot be bound (the port is taken), with a message saying so
     */
    public static WebServer start(WebSettings settings, List<Feature> features) {
        Objects.requireNonNull(settings, "settings");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        HttpMetrics metrics = new HttpMetrics();
        ApiCatalog catalog = new ApiCatalog();
        Templates templates = new Templates();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/org/smolny/web/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=300");
            });
            config.staticFiles.enableWebjars();
            config.requestLogger.http((ctx, milliseconds) -> metrics.recordRequest(
                    ctx.method().name(), route(ctx), ctx.statusCode(), Duration.ofNanos((long) (milliseconds * 1_000_000))));

            Routes routes = new Routes(config.routes, catalog, templates, settings.organisation());
            config.routes.before(ctx -> {
                SECURITY_HEADERS.forEach(ctx::header);
                Locale locale = Languages.resolve(ctx.cookie(Languages.COOKIE), ctx.header("Accept-Language"));
                ctx.attribute(Routes.MESSAGES_ATTRIBUTE, Messages.of(locale));
                ctx.header("Content-Language", locale.toLanguageTag());
                ctx.header("Vary", "Accept-Language, Cookie");
            });
            new CorePages(settings.organisation()).install(routes);
            features.forEach(feature -> feature.install(routes));
            routes.api(new ApiCatalog.Operation("/api/openapi.json", "openApi", "This document: every endpoint of the JSON API.",
                            List.of(), Map.of(200, "The OpenAPI 3.1 document"), "application/json"),
                    ctx -> ctx.json(catalog.document(json, "Smolny — " + settings.organisation(), "0.1.0")));
            config.routes.get("/metrics", ctx -> ctx.contentType(HttpMetrics.CONTENT_TYPE).result(metrics.scrape()));

            config.routes.exception(ProblemException.class, (problem, ctx) ->
                    answer(routes, ctx, problem.type(), Routes.messages(ctx).get(problem.detailKey(), problem.detailArguments())));
            config.routes.exception(HttpResponseException.class, (error, ctx) -> answerStatus(routes, ctx, error.getStatus()));
            config.routes.exception(Exception.class, (error, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), error);
                answer(routes, ctx, ProblemType.INTERNAL, messagesOrEnglish(ctx).get("problem.internal.detail"));
            });
            config.routes.error(404, ctx -> {
                if (!isProblem(ctx)) {
                    answerStatus(routes, ctx, 404);
                }
            });
            config.routes.error(405, ctx -> {
                if (!isProblem(ctx)) {
                    answerStatus(routes, ctx, 405);
                }
            });
        });
        try {
            javalin.start();
        } catch (JavalinBindException portTaken) {
            metrics.close();
            throw new IllegalStateException("Cannot listen on " + settings.host() + ":" + settings.port()
                    + ": the address is in use (is another Smolny running?) or cannot be bound. Choose another with --listen.", portTaken);
        }
        LOG.info("Serving {} on http://{}:{}/", settings.organisation(), settings.host(), javalin.port());
        return new WebServer(javalin, metrics, catalog);
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return javalin.port();
    }

    /** The JSON API's endpoints as described in the OpenAPI document. */
    public List<ApiCatalog.Operation> apiOperations() {
        return catalog.operations();
    }

    @Override
    public void close() {
        javalin.stop();
        metrics.close();
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noEndpointMatched) {
            return "unmatched";
        }
    }

    private static boolean isProblem(Context ctx) {
        String contentType = ctx.res().getContentType();
        return contentType != null && (contentType.startsWith(Problem.MEDIA_TYPE) || contentType.startsWith("text/html"));
    }

    private static Messages messagesOrEnglish(Context ctx) {
        Messages messages = ctx.attribute(Routes.MESSAGES_ATTRIBUTE);
        return messages != null ? messages : Messages.of(Languages.SUPPORTED.getFirst());
    }

    private static void answerStatus(Routes routes, Context ctx, int status) {
        Messages t = messagesOrEnglish(ctx);
        switch (status) {
            case 404 -> answer(routes, ctx, ProblemType.NOT_FOUND, t.get("problem.not-found.path", ctx.path()));
            case 405 -> answer(routes, ctx, ProblemType.METHOD_NOT_ALLOWED, t.get("problem.method-not-allowed.detail", ctx.method().name(), ctx.path()));
            default -> {
                if (status >= 400 && status < 500) {
                    answer(routes, ctx, ProblemType.INVALID_PARAMETER, t.get("problem.request.detail", Integer.toString(status)));
                } else {
                    answer(routes, ctx, ProblemType.INTERNAL, t.get("problem.internal.detail"));
                }
            }
        }
    }

    /** Answers with a problem: JSON for the API and for clients that do not ask for HTML, an HTML page for browsers. */
    private static void answer(Routes routes, Context ctx, ProblemType type, String detail) {
        Messages t = messagesOrEnglish(ctx);
        if (ctx.attribute(Routes.MESSAGES_ATTRIBUTE) == null) {
            ctx.attribute(Routes.MESSAGES_ATTRIBUTE, t);
        }
        Problem problem = new Problem(type.uri(), t.get(type.titleKey()), type.status(), detail, ctx.path());
        ctx.status(type.status());
        String accept = ctx.header("Accept");
        boolean browser = !ctx.path().startsWith("/api/") && accept != null && accept.contains("text/html");
        if (browser) {
            try {
                ctx.html(routes.html(ctx, "problem.jte", "problem", problem.title(), Map.of("problem", problem)));
                return;
            } catch (RuntimeException renderingFailed) {
                LOG.error("The error page for {} could not be rendered", ctx.path(), renderingFailed);
            }
        }
        ctx.json(problem);
        ctx.contentType(Problem.MEDIA_TYPE);
    }
}
