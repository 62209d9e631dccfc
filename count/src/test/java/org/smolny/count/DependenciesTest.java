package org.smolny.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DependenciesTest {
    @Test
    void the_count_module_depends_on_the_jdk_only() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                if (!line.startsWith("import ")) continue;
                String imported = line.substring(line.startsWith("import static ") ? 14 : 7);
                assertThat(imported).as(source + ": " + line).matches("(java\\.|org\\.smolny\\.count\\.).*");
            }
        }
    }
}
