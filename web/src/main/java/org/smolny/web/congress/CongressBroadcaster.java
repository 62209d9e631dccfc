package org.smolny.web.congress;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events to everyone following a congress: the hall, the chair's console and the projector subscribe to
 * {@code /congress/<id>/events}. It is fed only after a command's transaction has committed (the council service
 * returns once the entries are durable), so no page ever shows a result the record does not hold. Each client is
 * written to on its own virtual thread, so a slow reader never holds up the others. A comment every 15 seconds keeps
 * idle connections open through proxies.
 *
 * <p>Thread-safe.
 */
public final class CongressBroadcaster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CongressBroadcaster.class);

    private final Map<String, Set<SseClient>> followers = new ConcurrentHashMap<>();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smolny-congress-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public CongressBroadcaster() {
        heartbeat.scheduleAtFixedRate(() -> publishComment("keep-alive"), 15, 15, TimeUnit.SECONDS);
    }

    /** Follows {@code congress} with {@code client} until the client goes away. */
    void follow(String congress, SseClient client) {
        Set<SseClient> clients = followers.computeIfAbsent(congress, key -> ConcurrentHashMap.newKeySet());
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.keepAlive();
        client.sendComment("following congress " + congress);
    }

    /** How many clients follow {@code congress} now. */
    public int following(String congress) {
        Set<SseClient> clients = followers.get(congress);
        return clients == null ? 0 : clients.size();
    }

    /** Sends the event {@code name} with {@code json} to every follower of {@code congress}. */
    void publish(String congress, String name, String json) {
        Set<SseClient> clients = followers.get(congress);
        if (clients == null) {
            return;
        }
        for (SseClient client : clients) {
            writers.execute(() -> send(clients, client, name, json));
        }
    }

    private static void send(Set<SseClient> clients, SseClient client, String name, String json) {
        try {
            if (client.terminated()) {
                clients.remove(client);
                return;
            }
            client.sendEvent(name, json);
        } catch (RuntimeException gone) {
            clients.remove(client);
            LOG.debug("A follower went away", gone);
        }
    }

    private void publishComment(String comment) {
        followers.values().forEach(clients -> clients.forEach(client -> writers.execute(() -> {
            try {
                client.sendComment(comment);
            } catch (RuntimeException gone) {
                clients.remove(client);
            }
        })));
    }

    /** Stops the heartbeat and forgets every follower; the server's own stop ends their connections. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        followers.clear();
        writers.shutdownNow();
    }
}
