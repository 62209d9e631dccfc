package org.smolny.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Smolny's configuration: defaults that work with no file at all, overridden by
 * {@code smolny.toml} beside the data folder, overridden in turn by {@code SMOLNY_…}
 * environment variables (key {@code server.listen} ↔ variable {@code SMOLNY_SERVER_LISTEN}).
 * Command-line options override all three.
 *
 * <pre>
 * # smolny.toml, next to ./smolny-data
 * [server]
 * listen = "127.0.0.1:8080"
 * [organisation]
 * name = "Tenants' Union of Leith"
 * [db]                      # only for PostgreSQL; SQLite in the data folder otherwise
 * url = "jdbc:postgresql://127.0.0.1:5432/smolny"
 * user = "smolny"           # the password is better given as SMOLNY_DB_PASSWORD
 * </pre>
 *
 * @param dataDirectory the data folder (database, signing key, exports); {@code SMOLNY_DATA} or {@code --data}
 * @param listen        where the web server listens ({@code server.listen})
 * @param organisation  the organisation's name shown on every page ({@code organisation.name})
 * @param database      where the record is stored ({@code db.url}, {@code db.user}, {@code db.password}; SQLite by default)
 */
public record SmolnyConfig(Path dataDirectory, ListenAddress listen, String organisation, Database database) {

    /** The data folder when neither {@code --data} nor {@code SMOLNY_DATA} says otherwise. */
    public static final Path DEFAULT_DATA = Path.of("smolny-data");

    /** The name of the configuration file, looked for beside the data folder. */
    public static final String FILE_NAME = "smolny.toml";

    /** Every key the file and the environment may set, with its default. */
    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("server.listen", "127.0.0.1:8080");
        defaults.put("organisation.name", "Smolny");
        defaults.put("db.url", "");
        defaults.put("db.user", "");
        defaults.put("db.password", "");
        DEFAULTS = java.util.Collections.unmodifiableMap(defaults);
    }

    public SmolnyConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(database, "database");
        if (organisation.isBlank()) {
            throw new ConfigException("organisation.name is empty");
        }
    }

    /** The configuration file beside a data folder: {@code ./smolny-data} → {@code ./smolny.toml}. */
    public static Path fileBeside(Path dataDirectory) {
        Path parent = dataDirectory.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of(FILE_NAME).toAbsolutePath() : parent.resolve(FILE_NAME);
    }

    /**
     * Reads the configuration.
     *
     * @param dataOption  the {@code --data} option, or null
     * @param environment the process environment ({@link System#getenv()})
     * @throws ConfigException naming the file or variable and the key when a value is unusable
     */
    public static SmolnyConfig load(Path dataOption, Map<String, String> environment) {
        Path data = dataOption != null ? dataOption
                : environment.containsKey("SMOLNY_DATA") ? Path.of(environment.get("SMOLNY_DATA")) : DEFAULT_DATA;
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Path file = fileBeside(data);
        if (Files.isRegularFile(file)) {
            values.putAll(readFile(file));
        }
        for (String key : DEFAULTS.keySet()) {
            String variable = variableFor(key);
            if (environment.containsKey(variable)) {
                values.put(key, environment.get(variable));
            }
        }
        ListenAddress listen;
        try {
            listen = ListenAddress.parse(values.get("server.listen"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("server.listen: " + e.getMessage());
        }
        return new SmolnyConfig(data, listen, values.get("organisation.name").strip(),
                new Database(values.get("db.url").strip(), values.get("db.user").strip(), values.get("db.password")));
    }

    /** The environment variable overriding {@code key}: {@code server.listen} → {@code SMOLNY_SERVER_LISTEN}. */
    public static String variableFor(String key) {
        return "SMOLNY_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** This configuration with another listening address (the {@code --listen} option). */
    public SmolnyConfig withListen(ListenAddress address) {
        return new SmolnyConfig(dataDirectory, address, organisation, database);
    }

    /** This configuration with another organisation name (the demo's). */
    public SmolnyConfig withOrganisation(String name) {
        return new SmolnyConfig(dataDirectory, listen, name, database);
    }

    /** This configuration with the record in another database. */
    public SmolnyConfig withDatabase(Database other) {
        return new SmolnyConfig(dataDirectory, listen, organisation, other);
    }

    private static Map<String, String> readFile(Path file) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + " is not valid TOML: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        collect(root, "", values, unknown, file);
        if (!unknown.isEmpty()) {
            throw new ConfigException(file + ": unknown key" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; the keys are " + String.join(", ", DEFAULTS.keySet()));
        }
        return values;
    }

    private static void collect(JsonNode node, String prefix, Map<String, String> values, List<String> unknown, Path file) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                collect(value, key, values, unknown, file);
            } else if (!DEFAULTS.containsKey(key)) {
                unknown.add(key);
            } else if (!value.isTextual()) {
                throw new ConfigException(file + ": " + key + " must be a string in quotes, not " + value);
            } else {
                values.put(key, value.asText());
            }
        }
    }
}
