package org.smolny.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.smolny.app.election.ElectionCommand;
import org.smolny.app.serve.ServedElections;
import org.smolny.app.trustee.TrusteeCommand;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.record.ElectionRecordFiles;
import picocli.CommandLine;

/**
 * The demo's secret ballot: a referendum of two yes/no questions under {@code elections/demo-referendum/} in the data
 * folder, opened after a key ceremony of 3 trustees (any 2 decrypt) run on this machine with the {@code smolny trustee}
 * and {@code smolny election} commands, and {@value #VOTERS} voter credentials. The trustees' secrets
 * ({@code trustees/}) and the voters' credentials ({@code demo-credentials.txt}) are kept beside it, owner-only: in a
 * real election neither ever sits on the server. Made once: the directory is built aside and moved in place, so a
 * demo stopped half-way leaves no half-made election. Not thread-safe (one demo per data folder).
 */
public final class DemoElection {

    /** The election's id and directory name. */
    public static final String ID = "demo-referendum";
    /** The number of demo voters. */
    public static final int VOTERS = 300;
    /** The demo voters' secret credentials, one per line (64 hexadecimal digits), inside the election directory. */
    public static final String CREDENTIALS_FILE = "demo-credentials.txt";
    /** The demo trustees' secrets folder inside the election directory. */
    public static final String TRUSTEES = "trustees";

    private static final int TRUSTEE_COUNT = 3;
    private static final int THRESHOLD = 2;

    private DemoElection() {
    }

    /** The demo election's directory in {@code dataDirectory}. */
    public static Path directory(Path dataDirectory) {
        return dataDirectory.resolve(ServedElections.ELECTIONS).resolve(ID);
    }

    /** The manifest: two yes/no questions (a voter may leave either blank). */
    public static Manifest manifest() {
        return new Manifest(ID, "Demo referendum", "P-256", new CeremonyParameters(TRUSTEE_COUNT, THRESHOLD), List.of(
                new Contest("strike-fund", "Should the union double its strike fund?", List.of("Yes", "No"),
                        Contest.LimitKind.AT_MOST, 1),
                new Contest("four-day-week", "Should the union campaign for a four-day week?", List.of("Yes", "No"),
                        Contest.LimitKind.AT_MOST, 1)));
    }

    /**
     * Makes the demo election in {@code dataDirectory} unless it exists; returns the demo voters' credentials (from
     * {@value #CREDENTIALS_FILE}), in order.
     */
    public static List<String> ensure(Path dataDirectory) throws IOException {
        Path directory = directory(dataDirectory);
        if (!Files.isDirectory(directory)) {
            create(directory);
        }
        Path credentials = directory.resolve(CREDENTIALS_FILE);
        return Files.readAllLines(credentials, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static void create(Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        Path aside = Files.createTempDirectory(directory.getParent(), "." + ID + "-");
        try {
            new ElectionRecordFiles(aside, P256Group.instance()).writeManifest(manifest());
            Path trustees = Files.createDirectory(aside.resolve(TRUSTEES),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(trustees.resolve("README.txt"), "DEMO ONLY. The secrets of the demo election's three trustees, "
                    + "kept on the demo server so that the demo can be tallied and decrypted here. In a real election each "
                    + "trustee keeps their own secrets file on their own machine, and none is ever on the server.\n",
                    StandardCharsets.UTF_8);
            for (String step : List.of("generate", "share", "confirm")) {
                for (int trustee = 1; trustee <= TRUSTEE_COUNT; trustee++) {
                    List<String> arguments = new ArrayList<>(List.of(step, "--dir", aside.toString(),
                            "--secrets", trustees.resolve("trustee-" + trustee + ".secrets").toString()));
                    if (step.equals("generate")) {
                        arguments.addAll(List.of("--index", Integer.toString(trustee)));
                    }
                    run(new TrusteeCommand(), "smolny trustee", arguments);
                }
            }
            run(new ElectionCommand(), "smolny election", List.of("open", "--dir", aside.toString()));
            writeCredentials(aside);
            Files.move(aside, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failed) {
            delete(aside);
            throw failed;
        }
    }

    private static void writeCredentials(Path directory) throws IOException {
        P256Group group = P256Group.instance();
        SecureRandom random = new SecureRandom();
        List<PublicCredential> credentials = new ArrayList<>();
        StringBuilder secrets = new StringBuilder("# DEMO ONLY: the secret voting credentials of the demo referendum's "
                + VOTERS + " voters, one per line. In a real election each voter receives only their own.\n");
        for (int voter = 0; voter < VOTERS; voter++) {
            VoterCredential credential = VoterCredential.generate(group, random);
            credentials.add(new PublicCredential(credential.publicKey(), 1));
            secrets.append(Bytes.hex(credential.secret().revealEncoding())).append('\n');
        }
        Path file = Files.createFile(directory.resolve(CREDENTIALS_FILE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secrets, StandardCharsets.UTF_8);
        new ElectionRecordFiles(directory, group).writeCredentials(credentials);
    }

    private static void run(Object command, String name, List<String> arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(arguments.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("the demo election's '" + name + " " + arguments.getFirst() + "' failed: "
                    + (err.toString().isBlank() ? out : err).toString().strip());
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException leftOver) {
            throw new UncheckedIOException("the half-made demo election in " + folder + " could not be removed: "
                    + leftOver.getMessage(), leftOver);
        }
    }
}
