package org.smolny.app.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.member.MemberId;
import org.smolny.council.shell.Accounts;
import org.smolny.council.shell.CouncilService;
import org.smolny.record.store.RecordStore;
import org.smolny.web.auth.PasswordHasher;

/**
 * The demo's sign-in accounts, so that a visitor can act in the demo union at once: an administrator, the general
 * secretary (an officer of the national union, who acts for its congress), a branch secretary (an officer of a
 * branch) and a member of that branch without a mandate. Their passwords are drawn at random when the demo is first
 * built and kept in {@value #FILE} in the data folder (readable by its owner only), printed at every start.
 * DEMO ONLY: a real organisation creates its accounts with {@code smolny account add}. Not thread-safe.
 */
final class DemoAccounts {

    /** The file, in the data folder, that lists the demo's logins and passwords. */
    static final String FILE = "demo-accounts.txt";

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 14;

    /** One demo account as listed in the file: its login, password and who it is. */
    record Account(String login, String password, String who) {
        String line() {
            return login + "\t" + password + "\t" + who;
        }

        static Account parse(String line) {
            String[] fields = line.split("\t", 3);
            if (fields.length != 3) {
                throw new IllegalStateException("a line of " + FILE + " is not 'login<TAB>password<TAB>who': " + line);
            }
            return new Account(fields[0], fields[1], fields[2]);
        }
    }

    private DemoAccounts() {
    }

    /** The demo accounts: read from the data folder, or created in the council of {@code store} and listed there. */
    static List<Account> ensure(Path data, RecordStore store) throws IOException {
        Path file = data.resolve(FILE);
        if (Files.exists(file)) {
            return read(data);
        }
        CouncilService council = CouncilService.open(store, InstantSource.system());
        Mandate.Active general = firstHolder(council, "general-secretary")
                .orElseThrow(() -> new IllegalStateException("the demo union has no general secretary"));
        Mandate.Active branch = firstHolder(council, "branch-secretary")
                .orElseThrow(() -> new IllegalStateException("the demo union has no branch secretary"));
        MemberId member = council.read(state -> state.members().activeIn(branch.unit()).stream()
                        .filter(id -> state.mandates().heldBy(id).isEmpty()).min(Comparator.comparing(MemberId::toString)))
                .orElseThrow(() -> new IllegalStateException("the demo branch " + branch.unit() + " has no member without a mandate"));

        Accounts book = new Accounts(council);
        PasswordHasher hasher = new PasswordHasher();
        SecureRandom random = new SecureRandom();
        List<Account> accounts = List.of(
                create(book, hasher, random, "admin", null, "administrator (founds units, moves the clock)"),
                create(book, hasher, random, "general-secretary", general.holder(), "member " + general.holder()
                        + ", general secretary: officer of the national union, acts for its congress"),
                create(book, hasher, random, "branch-secretary", branch.holder(), "member " + branch.holder()
                        + ", secretary of branch " + branch.unit() + ": admits, transfers, calls meetings"),
                create(book, hasher, random, "member", member, "member " + member + " of branch " + branch.unit()
                        + ": signs petitions, recalls, votes"));
        List<String> lines = new ArrayList<>();
        lines.add("# DEMO ONLY: sign-in accounts of the demo union (login, password, who). Sign in at /council/sign-in.");
        accounts.forEach(account -> lines.add(account.line()));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return accounts;
    }

    /** The demo accounts listed in the data folder (none before the demo was first built). */
    static List<Account> read(Path data) throws IOException {
        Path file = data.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                .filter(line -> !line.startsWith("#")).map(Account::parse).toList();
    }

    private static Optional<Mandate.Active> firstHolder(CouncilService council, String post) {
        return council.read(state -> state.mandates().activeOfPost(post).stream()
                .min(Comparator.comparing(mandate -> mandate.id().toString())));
    }

    /** Creates a sign-in account with a random password: an administrator's when {@code member} is null. */
    private static Account create(Accounts book, PasswordHasher hasher, SecureRandom random, String login, MemberId member,
                                  String who) {
        Account account = new Account(login, password(random), who);
        book.create(new Accounts.Account(login, member, hasher.hash(account.password()), member == null));
        return account;
    }

    private static String password(SecureRandom random) {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
