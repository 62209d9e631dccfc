package org.smolny.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/smolny/web/i18n/messages" + suffix + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @Test
    void every_english_string_has_a_french_translation_and_no_french_string_is_orphaned() throws IOException {
        Set<String> english = new TreeSet<>(bundle("").stringPropertyNames());
        Set<String> french = new TreeSet<>(bundle("_fr").stringPropertyNames());

        assertThat(french).containsExactlyElementsOf(english);
    }

    @Test
    void a_translation_keeps_every_placeholder_of_the_english_message() throws IOException {
        Properties english = bundle("");
        Properties french = bundle("_fr");
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(placeholder, french.getProperty(key))).as(key).isEqualTo(placeholders(placeholder, english.getProperty(key)));
            assertThat(english.getProperty(key)).as(key + " uses ' which MessageFormat would eat; write ’").doesNotContain("'");
            assertThat(french.getProperty(key)).as(key + " uses ' which MessageFormat would eat; write ’").doesNotContain("'");
        }
    }

    private static Set<String> placeholders(Pattern pattern, String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @Test
    void messages_are_read_in_the_language_asked_for_with_their_arguments() {
        assertThat(Messages.of(Locale.FRENCH).get("problem.parameter.missing", "index")).isEqualTo("Le paramètre « index » manque.");
        assertThat(Messages.of(Locale.ENGLISH).get("problem.parameter.missing", "index")).isEqualTo("The parameter “index” is missing.");
    }

    @Test
    void a_language_without_a_bundle_is_refused() {
        assertThatThrownBy(() -> Messages.of(Locale.GERMAN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("de");
    }

    @Test
    void the_switchers_choice_wins_over_the_browsers_languages() {
        assertThat(Languages.resolve("fr", "en-US,en;q=0.9")).isEqualTo(Locale.FRENCH);
        assertThat(Languages.resolve(null, "en-US,fr;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.resolve(null, "de,fr;q=0.5")).isEqualTo(Locale.FRENCH);
        assertThat(Languages.resolve("klingon", null)).isEqualTo(Locale.ENGLISH);
    }
}
