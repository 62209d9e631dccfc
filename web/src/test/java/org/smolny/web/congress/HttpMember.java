package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.LinkedHashMap;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;

/** A person at the congress over HTTP: keeps the session cookie and sends the session's CSRF token. */
public final class HttpMember {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String csrf;

    HttpMember(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpMember signedIn(String login, String password) {
        HttpResponse<String> response = postRaw("/api/session",
                JSON.createObjectNode().put("login", login).put("password", password).toString(), false);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        csrf = json(response).path("csrfToken").asText();
        return this;
    }

    /** Sends the congress act {@code act}, which must be recorded; returns the answer. */
    public JsonNode act(String act, ObjectNode body) {
        HttpResponse<String> response = post("/api/congress/" + act, body);
        assertThat(response.statusCode()).as(act + " answered " + response.body()).isEqualTo(200);
        return json(response);
    }

    /** Sends {@code act}, which must be refused with {@code status}; returns the problem. */
    JsonNode refused(String act, ObjectNode body, int status) {
        return problem(post("/api/congress/" + act, body), status);
    }

    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return json(response);
    }

    HttpResponse<String> post(String path, ObjectNode body) {
        return postRaw(path, body.toString(), true);
    }

    HttpResponse<String> postRaw(String path, String body, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withCsrf && csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request.build());
    }

    /** Posts a page's form (urlencoded, with the session's CSRF token unless {@code withCsrf} is false). */
    HttpResponse<String> form(String path, String fields, boolean withCsrf) {
        String body = withCsrf && csrf != null ? fields + "&csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8) : fields;
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Posts a congress page's act form as the page does: the fields and {@code back} (the page to return to: the hall
     * or the chair's console) to the congress's {@code /act/<act>}, with the CSRF token.
     */
    HttpResponse<String> pageAct(String act, String back, Map<String, String> fields) {
        String path = back.endsWith("/chair") ? back.substring(0, back.length() - "/chair".length()) : back;
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("back", back);
        String body = all.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return form(path + "/act/" + act, body, true);
    }

    /** Asserts that a form was accepted: a 303 to a page whose address contains {@code to}. */
    static void assertRedirected(HttpResponse<String> response, String to) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains(to);
    }

    public JsonNode get(String path) {
        HttpResponse<String> response = getRaw(path, "application/json");
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
        return json(response);
    }

    HttpResponse<String> getRaw(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Accept", accept).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
