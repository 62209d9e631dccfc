package org.smolny.web.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of the user interface in one language, read from the message bundles
 * {@code org/smolny/web/i18n/messages*.properties}. Every string a person reads comes from here.
 *
 * <p>Immutable and thread-safe.
 */
public final class Messages {

    static final String BUNDLE = "org.smolny.web.i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The messages of one of the {@link Languages#SUPPORTED supported} languages. */
    public static Messages of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        if (!Languages.SUPPORTED.contains(locale)) {
            throw new IllegalArgumentException("Unsupported language " + locale + "; supported: " + Languages.SUPPORTED);
        }
        return new Messages(locale, ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public Locale locale() {
        return locale;
    }

    /** The BCP 47 tag of this language, for {@code <html lang>}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    /**
     * The message under {@code key}, with {@code arguments} put in its {@link MessageFormat} placeholders.
     *
     * @throws MissingResourceException if the bundle has no such key (a programming error, caught by the bundle tests)
     */
    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
