package org.smolny.web.layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smolny.web.i18n.Languages;
import org.smolny.web.i18n.Messages;

/**
 * What the shared layout needs to frame any page: the language of the request, the page's
 * title, where the page is (for the navigation and the language switcher) and the name of the
 * organisation whose record this server shows.
 *
 * @param t            the messages in the language of the request
 * @param title        the page's title, already in that language
 * @param location     the path and query of the request, for the switcher to come back to
 * @param section      the navigation section the page belongs to ({@code "home"}, {@code "record"}, …)
 * @param organisation the organisation's name
 */
public record Page(Messages t, String title, String location, String section, String organisation) {

    public Page {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(organisation, "organisation");
    }

    /** {@code "page"} when the page belongs to {@code name}'s section (for {@code aria-current}), otherwise null, which leaves the attribute out. */
    public String currentIf(String name) {
        return section.equals(name) ? "page" : null;
    }

    /** The local path of the htmx script (served from the webjar inside the application). */
    public String htmx() {
        return Assets.HTMX_PATH;
    }

    /** The path of the application's single stylesheet. */
    public String stylesheet() {
        return Assets.STYLESHEET_PATH;
    }

    /** One entry of the language switcher. */
    public record LanguageLink(String tag, String name, String href, boolean current) {
    }

    /** The language switcher's entries: each language named in itself, linking back to this page. */
    public List<LanguageLink> languages() {
        String back = URLEncoder.encode(location, StandardCharsets.UTF_8);
        return Languages.SUPPORTED.stream()
                .map(locale -> new LanguageLink(
                        locale.toLanguageTag(),
                        capitalised(locale),
                        "/language?set=" + locale.getLanguage() + "&back=" + back,
                        locale.equals(t.locale())))
                .toList();
    }

    private static String capitalised(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
