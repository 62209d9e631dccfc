package org.smolny.web.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the pages find their static assets: the one stylesheet and the htmx script, both served by this application. */
public final class Assets {

    /** The stylesheet shared by every page. */
    public static final String STYLESHEET_PATH = "/static/smolny.css";

    /** The htmx script inside the {@code org.webjars.npm:htmx.org} jar, served under {@code /webjars/}. */
    public static final String HTMX_PATH = "/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js";

    private Assets() {
    }

    private static String htmxVersion() {
        String resource = "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The htmx webjar is missing from the class path (" + resource + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
