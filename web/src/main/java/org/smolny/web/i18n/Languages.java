package org.smolny.web.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages of the user interface and how a request picks one: an explicit choice (the
 * {@value #COOKIE} cookie set by the language switcher) first, then the browser's
 * {@code Accept-Language}, then English.
 */
public final class Languages {

    /** The languages the message bundles cover, the first one being the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    /** The cookie holding the language a person chose with the switcher. */
    public static final String COOKIE = "smolny-lang";

    private Languages() {
    }

    /** The supported language named by a switcher choice such as {@code "fr"}, or {@code null} if it names none. */
    public static Locale chosen(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        for (Locale supported : SUPPORTED) {
            if (supported.getLanguage().equalsIgnoreCase(tag.strip())) {
                return supported;
            }
        }
        return null;
    }

    /** The language for a request, from the switcher's cookie value and the {@code Accept-Language} header (either may be null). */
    public static Locale resolve(String cookieValue, String acceptLanguage) {
        Locale chosen = chosen(cookieValue);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                Locale match = Locale.lookup(ranges, SUPPORTED);
                if (match != null) {
                    return chosen(match.getLanguage());
                }
            } catch (IllegalArgumentException malformedHeader) {
                return SUPPORTED.getFirst();
            }
        }
        return SUPPORTED.getFirst();
    }
}
