package org.smolny.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmolnyConfigTest {

    @TempDir
    Path folder;

    @Test
    void with_no_file_and_no_variable_the_defaults_serve_the_local_machine() {
        SmolnyConfig config = SmolnyConfig.load(folder.resolve("smolny-data"), Map.of());

        assertThat(config.listen()).isEqualTo(new ListenAddress("127.0.0.1", 8080));
        assertThat(config.dataDirectory()).isEqualTo(folder.resolve("smolny-data"));
        assertThat(config.organisation()).isEqualTo("Smolny");
    }

    @Test
    void the_file_beside_the_data_folder_overrides_the_defaults_and_the_environment_overrides_the_file() throws IOException {
        Files.writeString(folder.resolve("smolny.toml"), """
                [server]
                listen = "0.0.0.0:9090"
                [organisation]
                name = "Tenants’ Union of Leith"
                """);

        SmolnyConfig fromFile = SmolnyConfig.load(folder.resolve("smolny-data"), Map.of());
        SmolnyConfig fromEnvironment = SmolnyConfig.load(folder.resolve("smolny-data"), Map.of("SMOLNY_SERVER_LISTEN", "127.0.0.1:7070"));

        assertThat(fromFile.listen()).isEqualTo(new ListenAddress("0.0.0.0", 9090));
        assertThat(fromFile.organisation()).isEqualTo("Tenants’ Union of Leith");
        assertThat(fromEnvironment.listen()).isEqualTo(new ListenAddress("127.0.0.1", 7070));
        assertThat(fromEnvironment.organisation()).isEqualTo("Tenants’ Union of Leith");
    }

    @Test
    void smolny_data_in_the_environment_moves_the_data_folder_and_the_file_read_with_it() throws IOException {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("smolny.toml"), "[organisation]\nname = \"Leith\"\n");

        SmolnyConfig config = SmolnyConfig.load(null, Map.of("SMOLNY_DATA", elsewhere.resolve("data").toString()));

        assertThat(config.dataDirectory()).isEqualTo(elsewhere.resolve("data"));
        assertThat(config.organisation()).isEqualTo("Leith");
    }

    @Test
    void the_record_is_in_sqlite_in_the_data_folder_unless_a_postgresql_database_is_configured() throws IOException {
        assertThat(SmolnyConfig.load(folder.resolve("smolny-data"), Map.of()).database().isSqlite()).isTrue();

        Files.writeString(folder.resolve("smolny.toml"), "[db]\nurl = \"jdbc:postgresql://127.0.0.1:5432/smolny\"\nuser = \"smolny\"\n");
        SmolnyConfig config = SmolnyConfig.load(folder.resolve("smolny-data"), Map.of("SMOLNY_DB_PASSWORD", "s3cret"));

        assertThat(config.database()).isEqualTo(new Database("jdbc:postgresql://127.0.0.1:5432/smolny", "smolny", "s3cret"));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void a_database_url_that_is_not_postgresql_is_refused() {
        assertThatThrownBy(() -> SmolnyConfig.load(folder.resolve("d"), Map.of("SMOLNY_DB_URL", "jdbc:mysql://x/y")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("db.url").hasMessageContaining("jdbc:mysql://x/y");
    }

    @Test
    void an_unknown_key_in_the_file_is_named_with_the_keys_there_are() throws IOException {
        Files.writeString(folder.resolve("smolny.toml"), "[server]\nlisten = \"127.0.0.1:1\"\nlistne = \"x\"\n");

        assertThatThrownBy(() -> SmolnyConfig.load(folder.resolve("smolny-data"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.listne")
                .hasMessageContaining("server.listen");
    }

    @Test
    void a_file_that_is_not_toml_or_a_value_of_the_wrong_kind_is_a_clear_error() throws IOException {
        Files.writeString(folder.resolve("smolny.toml"), "[server\nlisten = 8080\n");
        assertThatThrownBy(() -> SmolnyConfig.load(folder.resolve("smolny-data"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid TOML");

        Files.writeString(folder.resolve("smolny.toml"), "[server]\nlisten = 8080\n");
        assertThatThrownBy(() -> SmolnyConfig.load(folder.resolve("smolny-data"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.listen must be a string");
    }

    @Test
    void a_listening_address_without_a_usable_port_is_refused() {
        assertThatThrownBy(() -> SmolnyConfig.load(folder.resolve("d"), Map.of("SMOLNY_SERVER_LISTEN", "localhost")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.listen").hasMessageContaining("host:port");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:70000")).hasMessageContaining("65535");
        assertThat(ListenAddress.parse("[::1]:8080")).isEqualTo(new ListenAddress("::1", 8080));
        assertThat(ListenAddress.parse("[::1]:8080").toString()).isEqualTo("[::1]:8080");
    }
}
