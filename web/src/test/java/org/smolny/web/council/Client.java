package org.smolny.web.council;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser-like HTTP client for tests: keeps its session cookie and sends its CSRF token. */
public final class Client {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String csrf;

    Client(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public void signIn(String login, String password) {
        HttpResponse<String> response = postRaw("/api/session",
                CouncilServer.JSON.createObjectNode().put("login", login).put("password", password).toString(), false);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        csrf = json(response).path("csrfToken").asText();
    }

    /** Posts {@code body}, which must be accepted; returns the answer. */
    public JsonNode ok(String path, ObjectNode body) {
        HttpResponse<String> response = post(path, body);
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
        return json(response);
    }

    /** Posts {@code body}, which must be refused with {@code status}; returns the problem. */
    public JsonNode problem(String path, ObjectNode body, int status) {
        return problem(post(path, body), status);
    }

    public static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return json(response);
    }

    public HttpResponse<String> post(String path, ObjectNode body) {
        return postRaw(path, body.toString(), true);
    }

    public HttpResponse<String> postRaw(String path, String body, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withCsrf && csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request.build());
    }

    public JsonNode get(String path) {
        HttpResponse<String> response = getRaw(path);
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
        return json(response);
    }

    public HttpResponse<String> getRaw(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .GET().build());
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

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return CouncilServer.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
