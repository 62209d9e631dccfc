package org.smolny.app.statutes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.SmolnyCli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StatutesCheckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int smolny(String... args) {
        return SmolnyCli.execute(out, err, args);
    }

    @Test
    void valid_statutes_pass_the_check_with_exit_code_zero() {
        int code = smolny("statutes", "check", "../docs/examples/national-union.toml");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("valid statutes of General Union of Transport and Logistics Workers, version 1");
    }

    @Test
    void invalid_statutes_fail_with_exit_code_one_and_each_problem_on_its_line(@TempDir Path folder) throws IOException {
        String text = Files.readString(Path.of("../docs/examples/cooperative-federation.toml"))
                .replace("threshold = 0.2\n", "threshold = 2\n");
        Path file = folder.resolve("statutes.toml");
        Files.writeString(file, text);
        int line = text.lines().toList().indexOf("threshold = 2") + 1;

        int code = smolny("statutes", "check", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":" + line + ": recall.threshold is a share and must be above 0 and at most 1, got 2");
    }

    @Test
    void a_missing_file_is_invalid_input(@TempDir Path folder) {
        assertThat(smolny("statutes", "check", folder.resolve("nowhere.toml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void a_check_without_a_file_is_a_usage_error() {
        assertThat(smolny("statutes", "check")).isEqualTo(2);
    }
}
