package org.smolny.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smolny.web.support.Http;

class CoreEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = WebServer.start(new WebSettings("127.0.0.1", 0, "Syndicat des essais"), List.of());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_home_page_names_the_organisation_in_the_language_the_browser_asks_for() {
        HttpResponse<String> english = http.get("/", "text/html", "en-GB,en;q=0.9");
        HttpResponse<String> french = http.get("/", "text/html", "fr-CA,fr;q=0.9,en;q=0.5");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("<html lang=\"en\">", "Syndicat des essais", "The record");
        assertThat(french.body()).contains("<html lang=\"fr\">", "Syndicat des essais", "Le registre");
        assertThat(french.headers().firstValue("Content-Language")).contains("fr");
    }

    @Test
    void a_language_nobody_translated_falls_back_to_english() {
        assertThat(http.get("/", "text/html", "de-DE,de;q=0.9").body()).contains("<html lang=\"en\">");
        assertThat(http.get("/", "text/html", "not a header;;q=x").body()).contains("<html lang=\"en\">");
    }

    @Test
    void the_language_switcher_remembers_the_choice_and_returns_to_the_page() {
        HttpResponse<String> switched = http.get("/language?set=fr&back=%2Frecord%3Fpage%3D2", "text/html", "en");

        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).contains("/record?page=2");
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("smolny-lang=fr").containsIgnoringCase("HttpOnly");

        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/"))
                .header("Accept", "text/html").header("Accept-Language", "en").header("Cookie", "smolny-lang=fr").build());
        assertThat(home.body()).contains("<html lang=\"fr\">");
    }

    @Test
    void the_language_switcher_never_sends_a_person_to_another_site() {
        for (String back : List.of("https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2F%5Cevil.example", "")) {
            HttpResponse<String> switched = http.get("/language?set=en&back=" + back, "text/html", null);
            assertThat(switched.headers().firstValue("Location")).as(back).contains("/");
        }
    }

    @Test
    void an_unknown_language_is_a_problem_naming_the_languages_there_are() throws Exception {
        HttpResponse<String> response = http.get("/language?set=xx", "application/json", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asText()).contains("xx", "en", "fr");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void an_unknown_address_is_a_404_problem_for_programs_and_a_page_for_people() throws Exception {
        HttpResponse<String> api = http.get("/api/nothing-here");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(api.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.path("title").asText()).isEqualTo("Not found");
        assertThat(problem.path("detail").asText()).contains("/api/nothing-here");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/nothing-here");

        HttpResponse<String> page = http.get("/nothing-here", "text/html", "fr");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Introuvable", "/nothing-here");
    }

    @Test
    void writing_to_a_read_only_address_is_a_problem_not_a_crash() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/openapi.json"))
                .header("Accept", "application/json").DELETE().build());
        assertThat(response.statusCode()).isBetween(404, 405);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asText()).isNotBlank();
    }

    @Test
    void every_problem_type_has_a_page_explaining_it() {
        for (var type : org.smolny.web.problem.ProblemType.values()) {
            HttpResponse<String> page = http.get(type.uri(), "text/html", "en");
            assertThat(page.statusCode()).as(type.uri()).isEqualTo(200);
            assertThat(page.body()).contains(type.uri());
        }
    }

    @Test
    void the_openapi_document_describes_every_api_endpoint_the_server_has() throws Exception {
        JsonNode document = JSON.readTree(http.get("/api/openapi.json").body());

        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.path("paths").has("/api/openapi.json")).isTrue();
        for (var operation : server.apiOperations()) {
            assertThat(document.path("paths").has(operation.path())).as(operation.path()).isTrue();
        }
    }

    @Test
    void prometheus_metrics_count_the_requests_answered() {
        http.get("/", "text/html", "en");
        HttpResponse<String> metrics = http.get("/metrics", "text/plain", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("http_server_requests_seconds_count{", "route=\"/\"", "jvm_memory_used_bytes");
    }

    @Test
    void a_port_already_taken_is_refused_with_a_sentence_that_says_so() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebServer.start(new WebSettings("127.0.0.1", server.port(), "Twice"), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + server.port())
                .hasMessageContaining("in use");
        assertThat(http.get("/", "text/html", "en").statusCode()).isEqualTo(200);
    }

    @Test
    void pages_load_nothing_from_other_sites() {
        HttpResponse<String> home = http.get("/", "text/html", "en");

        assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(home.body()).doesNotContain("https://", "http://");
        assertThat(http.get("/static/smolny.css", "text/css", null).statusCode()).isEqualTo(200);
        String htmx = org.smolny.web.layout.Assets.HTMX_PATH;
        assertThat(home.body()).contains(htmx);
        assertThat(http.get(htmx, "*/*", null).body()).contains("htmx");
    }
}
