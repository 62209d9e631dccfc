package org.smolny.web;

import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Locale;
import java.util.Map;
import org.smolny.web.i18n.Languages;
import org.smolny.web.i18n.Messages;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

/** The pages every server has: the home page, the language switcher, and the explanation of each problem type. */
final class CorePages implements Feature {

    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private final String organisation;

    CorePages(String organisation) {
        this.organisation = organisation;
    }

    @Override
    public void install(Routes routes) {
        routes.page("/", ctx -> {
            Messages t = Routes.messages(ctx);
            routes.render(ctx, "home.jte", "home", t.get("home.title", organisation), Map.of());
        });

        // The switcher: remembers the choice in a cookie and goes back to the page it was used on.
        routes.page("/language", ctx -> {
            Locale chosen = Languages.chosen(ctx.queryParam("set"));
            if (chosen == null) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "problem.language.unknown",
                        String.valueOf(ctx.queryParam("set")), Languages.SUPPORTED.stream().map(Locale::getLanguage).toList().toString());
            }
            Cookie cookie = new Cookie(Languages.COOKIE, chosen.getLanguage(), "/", ONE_YEAR_SECONDS, false, true, null, SameSite.LAX);
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR_SECONDS);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.LAX);
            ctx.cookie(cookie);
            ctx.redirect(localPathOrHome(ctx.queryParam("back")), HttpStatus.SEE_OTHER);
        });

        routes.page("/problems/{type}", ctx -> {
            ProblemType type = ProblemType.bySlug(ctx.pathParam("type"));
            if (type == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "problem.not-found.path", ctx.path());
            }
            Messages t = Routes.messages(ctx);
            routes.render(ctx, "problem-type.jte", "problem", t.get(type.titleKey()), Map.of("type", type));
        });
    }

    /** Only a path on this server: an absolute or protocol-relative address would make the switcher an open redirect. */
    static String localPathOrHome(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return back;
    }
}
