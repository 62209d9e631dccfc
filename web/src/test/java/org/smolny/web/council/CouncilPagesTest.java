package org.smolny.web.council;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smolny.web.council.CouncilServer.JSON;

/** The council's pages, through real HTTP with a browser's cookie jar and forms. */
class CouncilPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path folder;
    private CouncilServer union;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @AfterEach
    void close() {
        if (union != null) {
            union.close();
        }
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + union.server.port() + path))
                .header("Accept", "text/html").header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String... pairs) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int index = 0; index < pairs.length; index += 2) {
            body.append(body.isEmpty() ? "" : "&").append(pairs[index]).append('=')
                    .append(URLEncoder.encode(pairs[index + 1], StandardCharsets.UTF_8));
        }
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + union.server.port() + path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("a CSRF field in " + page.uri()).isTrue();
        return matcher.group(1);
    }

    @Test
    void a_member_signs_in_sees_their_units_and_delegates_and_signs_a_recall_petition_in_a_form() throws Exception {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 8);
        union.passProbation();
        union.elect(union.admin, "branch-secretary", union.docks, docks.get(0), docks);
        String delegate = union.elect(union.member(docks.get(0)), "branch-delegate", union.docks, docks.get(1), docks);
        String petition = union.member(docks.get(2)).ok("/api/council/open-recall-petition", JSON.createObjectNode().put("mandate", delegate))
                .path("entries").get(0).path("entry").path("body").path("petition").asText();
        String login = union.account(docks.get(3));

        HttpResponse<String> away = get("/council/petitions", "en");
        assertThat(away.statusCode()).isEqualTo(303);
        assertThat(away.headers().firstValue("Location").orElseThrow()).isEqualTo("/council/sign-in?back=%2Fcouncil%2Fpetitions");
        assertThat(form("/council/sign-in", "login", login, "password", "wrong password").statusCode()).isEqualTo(401);
        HttpResponse<String> signedIn = form("/council/sign-in", "login", login, "password", CouncilServer.PASSWORD, "back", "/council/petitions");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).isEqualTo("/council/petitions");

        HttpResponse<String> me = get("/council/me", "en");
        assertThat(me.body()).contains("Docks", "North", "The whole union", "branch-delegate", "Member 2");
        HttpResponse<String> petitions = get("/council/petitions", "en");
        assertThat(petitions.body()).contains("Recall of the branch-delegate: Member 2", "1 of 2 signatures needed", "Sign this petition");

        long size = union.store.size();
        assertThat(form("/council/petitions/" + petition + "/sign").statusCode()).isEqualTo(403);
        assertThat(union.store.size()).isEqualTo(size);
        HttpResponse<String> signed = form("/council/petitions/" + petition + "/sign", "csrf", csrf(petitions));
        assertThat(signed.statusCode()).isEqualTo(303);

        HttpResponse<String> after = get("/council/petitions?signed=1", "en");
        assertThat(after.body()).contains("Your signature is on the record.", "the threshold was reached: the mandate ended",
                "By-election for branch-delegate in Docks");
        assertThat(get("/council/petitions", "fr").body()).contains("Élection partielle pour branch-delegate à Docks");
    }

    @Test
    void an_officer_administers_the_membership_of_their_unit_only_and_members_read_the_statutes() throws Exception {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 4);
        union.passProbation();
        union.elect(union.admin, "branch-secretary", union.docks, docks.get(0), docks);
        String login = union.account(docks.get(0));
        form("/council/sign-in", "login", login, "password", CouncilServer.PASSWORD);

        HttpResponse<String> members = get("/council/units/" + union.docks + "/members", "en");
        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(members.body()).contains("Members of Docks", "Member 1", "member1@example.org");
        assertThat(get("/council/units/" + union.harbour + "/members", "en").statusCode()).isEqualTo(403);

        long size = union.store.size();
        HttpResponse<String> refused = form("/council/units/" + union.docks + "/admit", "csrf", csrf(members), "name", "Nia",
                "email", "nia@example.org", "phone", "", "entitled", "4", "present", "5", "inFavour", "4", "against", "0", "abstentions", "0");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("more present (5) than entitled to vote (4)");
        assertThat(union.store.size()).isEqualTo(size);
        HttpResponse<String> admitted = form("/council/units/" + union.docks + "/admit", "csrf", csrf(members), "name", "Nia",
                "email", "nia@example.org", "phone", "", "entitled", "4", "present", "4", "inFavour", "4", "against", "0", "abstentions", "0");
        assertThat(admitted.statusCode()).isEqualTo(303);
        assertThat(get("/council/units/" + union.docks + "/members?admitted=1", "en").body()).contains("Nia", "The admission is on the record");

        HttpResponse<String> statutes = get("/council/statutes", "en");
        assertThat(statutes.body()).contains("General Union of Transport and Logistics Workers", "180 days",
                "25% of the electorate signing; the mandate ends at the threshold", "at most 60 days", "at most 1.5 × the members’ median wage");
        assertThat(get("/council/statutes", "fr").body()).contains("Stage avant le droit de vote", "180 jours");
    }

    @Test
    void an_officer_takes_in_a_transferring_member_and_records_a_lapse_in_forms_and_bad_input_writes_nothing() throws Exception {
        union = new CouncilServer(folder).founded();
        List<String> docks = union.admit(union.docks, 4);
        String mover = union.admit(union.depot);
        union.passProbation();
        union.elect(union.admin, "branch-secretary", union.docks, docks.get(0), docks);
        form("/council/sign-in", "login", union.account(docks.get(0)), "password", CouncilServer.PASSWORD);

        HttpResponse<String> members = get("/council/units/" + union.docks + "/members", "en");
        assertThat(members.body()).contains("<label for=\"transfer-member\">Member’s pseudonymous id</label>",
                "<label for=\"lapse-member\">Member</label>", "<label for=\"lapse-reason\">Reason</label>",
                "action=\"/council/units/" + union.docks + "/transfer\"", "action=\"/council/units/" + union.docks + "/lapse\"");
        assertThat(get("/council/units/" + union.docks + "/members", "fr").body())
                .contains("Accueillir un membre d’une autre unité", "Inscrire une radiation");
        String csrf = csrf(members);

        long size = union.store.size();
        assertThat(form("/council/units/" + union.docks + "/transfer", "member", mover, "entitled", "4", "present", "4",
                "inFavour", "4", "against", "0", "abstentions", "0").statusCode()).isEqualTo(403);
        HttpResponse<String> badId = form("/council/units/" + union.docks + "/transfer", "csrf", csrf, "member", "not-an-id",
                "entitled", "4", "present", "4", "inFavour", "4", "against", "0", "abstentions", "0");
        assertThat(badId.statusCode()).isEqualTo(422);
        assertThat(badId.body()).contains("the member 'not-an-id' is not a member id (a UUID)");
        HttpResponse<String> notOurs = form("/council/units/" + union.docks + "/lapse", "csrf", csrf, "member", mover,
                "reason", "dues unpaid for six months");
        assertThat(notOurs.statusCode()).isEqualTo(422);
        assertThat(notOurs.body()).contains("is not a member of this unit: a lapse is recorded by their own unit");
        assertThat(union.store.size()).isEqualTo(size);

        HttpResponse<String> transferred = form("/council/units/" + union.docks + "/transfer", "csrf", csrf, "member", mover,
                "entitled", "4", "present", "4", "inFavour", "4", "against", "0", "abstentions", "0");
        assertThat(transferred.statusCode()).isEqualTo(303);
        HttpResponse<String> after = get("/council/units/" + union.docks + "/members?transferred=1", "en");
        assertThat(after.body()).contains("The transfer is on the record", mover);

        HttpResponse<String> lapsed = form("/council/units/" + union.docks + "/lapse", "csrf", csrf, "member", docks.get(3),
                "reason", "dues unpaid for six months");
        assertThat(lapsed.statusCode()).isEqualTo(303);
        assertThat(get("/council/units/" + union.docks + "/members?lapsed=1", "en").body()).contains("The lapse is on the record");
        assertThat(union.store.size()).isEqualTo(size + 2);
    }
}
