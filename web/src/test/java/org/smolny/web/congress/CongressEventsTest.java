package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connected pages receive each result by server-sent events once the vote's closing is on the record. */
class CongressEventsTest {

    @TempDir
    Path folder;
    private CongressServer union;

    @BeforeEach
    void start() {
        union = new CongressServer(folder);
    }

    @AfterEach
    void stop() {
        union.close();
    }

    @Test
    void every_connected_delegate_receives_the_result_when_the_chair_closes_the_vote() throws Exception {
        String congress = union.openCongressWithMotion();
        HttpMember chair = union.signIn("chair");
        String motion = union.anonymous().get("/api/congress/" + congress).path("motions").get(0).path("id").asText();
        List<Follower> followers = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            followers.add(new Follower(union.server.port(), congress));
        }
        for (Follower follower : followers) {
            assertThat(follower.awaitLine(line -> line.startsWith(": following congress"))).isTrue();
        }
        assertThat(union.broadcaster.following(congress)).isEqualTo(3);

        chair.act("open-vote", CongressServer.on(congress).put("motion", motion).put("mode", "card"));
        union.signIn("docks").act("cast-vote", CongressServer.on(congress).put("position", "for"));
        union.signIn("harbour").act("cast-vote", CongressServer.on(congress).put("position", "against"));
        long size = union.recordSize();
        chair.act("close-vote", CongressServer.on(congress));
        assertThat(union.recordSize()).isGreaterThan(size);

        for (Follower follower : followers) {
            String data = follower.eventData("result");
            JsonNode result = HttpMember.JSON.readTree(data);
            assertThat(result.path("passed").asBoolean()).isTrue();
            assertThat(result.path("sentence").asText()).startsWith("Carried: 30 for, 20 against, 0 abstaining");
            assertThat(result.path("motion").asText()).isEqualTo(motion);
            follower.close();
        }
    }

    @Test
    void nobody_follows_a_congress_that_does_not_exist() {
        HttpMember anyone = union.anonymous();
        assertThat(anyone.getRaw("/congress/019ab000-0000-7000-8000-000000000000/events", "text/event-stream").statusCode()).isEqualTo(404);
        assertThat(anyone.getRaw("/congress/nonsense/events", "text/event-stream").statusCode()).isEqualTo(400);
        assertThat(union.broadcaster.following("019ab000-0000-7000-8000-000000000000")).isZero();
    }

    /** A client following the congress's events, line by line, as EventSource reads them. */
    private static final class Follower implements AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final HttpClient http = HttpClient.newHttpClient();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        Follower(int port, String congress) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/congress/" + congress + "/events"))
                    .header("Accept", "text/event-stream").GET().build();
            response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(answer -> answer.body().forEach(lines::add));
        }

        boolean awaitLine(java.util.function.Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return true;
                }
            }
            return false;
        }

        /** The data of the next event named {@code name}. */
        String eventData(String name) throws InterruptedException {
            assertThat(awaitLine(line -> line.equals("event: " + name))).as("event " + name).isTrue();
            StringBuilder data = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.isEmpty()) {
                    break;
                }
                if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            return data.toString();
        }

        @Override
        public void close() {
            response.thenAccept(answer -> answer.body().close());
            http.close();
        }
    }
}
