package org.smolny.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smolny.app.serve.RecordServer;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.member.MemberId;
import org.smolny.council.shell.CouncilService;

class DemoAccountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private static HttpResponse<String> signIn(RecordServer server, String login, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("login", login, "password", password));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/session"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_visitor_signs_in_to_the_demo_as_its_officers_and_a_member_with_the_printed_passwords() throws Exception {
        Path data = folder.resolve("smolny-data");
        try (RecordServer server = SmallDemo.start(folder)) {
            List<DemoAccounts.Account> accounts = DemoAccounts.read(data);
            assertThat(accounts).extracting(DemoAccounts.Account::login)
                    .containsExactly("admin", "general-secretary", "branch-secretary", "member");
            assertThat(Files.getPosixFilePermissions(data.resolve(DemoAccounts.FILE)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            CouncilService council = CouncilService.open(server.store(), InstantSource.system());
            for (DemoAccounts.Account account : accounts) {
                HttpResponse<String> response = signIn(server, account.login(), account.password());
                assertThat(response.statusCode()).as(account.login()).isEqualTo(200);
                JsonNode session = JSON.readTree(response.body());
                String member = session.path("member").isNull() ? null : session.path("member").asText();
                switch (account.login()) {
                    case "admin" -> {
                        assertThat(session.path("administrator").asBoolean()).isTrue();
                        assertThat(member).isNull();
                    }
                    case "general-secretary", "branch-secretary" -> {
                        List<String> holders = council.read(state -> state.mandates().activeOfPost(account.login()).stream()
                                .map(Mandate::holder).map(Object::toString).toList());
                        assertThat(holders).as(account.login()).contains(member);
                    }
                    default -> {
                        List<Mandate.Active> held = council.read(state -> state.mandates().heldBy(MemberId.parse(member)));
                        assertThat(held).as("a plain member holds no mandate").isEmpty();
                    }
                }
                assertThat(account.who()).contains(member == null ? "administrator" : member);
            }
            assertThat(signIn(server, "member", "not-the-password").statusCode()).isEqualTo(401);
        }
        List<DemoAccounts.Account> first = DemoAccounts.read(data);
        try (RecordServer again = SmallDemo.start(folder)) {
            assertThat(DemoAccounts.read(data)).as("a restart keeps the accounts and their passwords").isEqualTo(first);
            assertThat(signIn(again, "branch-secretary", first.get(2).password()).statusCode()).isEqualTo(200);
        }
    }
}
