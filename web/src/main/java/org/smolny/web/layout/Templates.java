package org.smolny.web.layout;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the JTE templates of {@code src/main/jte}, compiled to Java classes at build time
 * (package {@code org.smolny.web.templates}): no template is parsed at run time.
 *
 * <p>Thread-safe: one instance serves every request.
 */
public final class Templates {

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), "org.smolny.web.templates");

    /** The HTML of template {@code name} (for example {@code "record/list.jte"}) with these parameters. */
    public String render(String name, Map<String, Object> parameters) {
        StringOutput output = new StringOutput(8192);
        engine.render(name, parameters, output);
        return output.toString();
    }
}
