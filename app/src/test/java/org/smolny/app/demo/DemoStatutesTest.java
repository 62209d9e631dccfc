package org.smolny.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoStatutesTest {

    @Test
    void the_demo_serves_the_documented_example_statutes_unchanged() throws Exception {
        // Maven runs the tests in the module's folder; the documented copy is at the repository's root.
        Path documented = Path.of("..", "docs", "examples", "national-union.toml");

        assertThat(DemoSeeder.statutes()).isEqualTo(Files.readString(documented, StandardCharsets.UTF_8));
    }
}
