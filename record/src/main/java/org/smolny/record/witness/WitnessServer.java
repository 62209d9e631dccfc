package org.smolny.record.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link Witness} over HTTP with the JDK's HTTP server, one virtual thread per request:
 * {@code POST <prefix>/add-checkpoint} (C2SP tlog-witness). Request bodies are limited in size.
 * Start with {@link #start}, stop with {@link #close()}. Safe for concurrent use.
 */
public final class WitnessServer implements AutoCloseable {

    /** Largest request body accepted: a checkpoint with many signatures and 63 proof hashes fits easily. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String prefix;
    private final Witness witness;

    private WitnessServer(HttpServer server, ExecutorService executor, String prefix, Witness witness) {
        this.server = server;
        this.executor = executor;
        this.prefix = prefix;
        this.witness = witness;
    }

    /**
     * Starts serving {@code witness} (which the server then owns and closes) on {@code address} (port 0 picks a free port) under the URL path
     * {@code prefix} (empty, or starting with '/' and not ending with it).
     */
    public static WitnessServer start(Witness witness, InetSocketAddress address, String prefix) throws IOException {
        if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("URL prefix must be empty or start with '/' and not end with it: " + prefix);
        }
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext(prefix + "/add-checkpoint", exchange -> handleAddCheckpoint(witness, exchange));
        server.start();
        return new WitnessServer(server, executor, prefix, witness);
    }

    /** The bound address (with the actual port). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The submission prefix URL, to configure in logs: {@code http://host:port<prefix>}. */
    public URI submissionPrefix() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + prefix);
    }

    private static void handleAddCheckpoint(Witness witness, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, "text/plain; charset=utf-8", "add-checkpoint takes a POST request\n");
                return;
            }
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            if (declared != null && isLarger(declared, MAX_REQUEST_BYTES)) {
                send(exchange, 413, "text/plain; charset=utf-8",
                        "request body larger than " + MAX_REQUEST_BYTES + " bytes\n");
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_REQUEST_BYTES);
            if (body == null) {
                send(exchange, 413, "text/plain; charset=utf-8",
                        "request body larger than " + MAX_REQUEST_BYTES + " bytes\n");
                return;
            }
            WitnessResponse response;
            try {
                response = witness.addCheckpoint(body);
            } catch (RuntimeException e) {
                System.getLogger(WitnessServer.class.getName()).log(System.Logger.Level.ERROR,
                        "add-checkpoint failed unexpectedly", e);
                send(exchange, 500, "text/plain; charset=utf-8",
                        "the witness failed unexpectedly and did not cosign; its operator can see why in its log\n");
                return;
            }
            send(exchange, response.status(), response.contentType(), response.body());
        }
    }

    private static boolean isLarger(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Reads the whole stream, or returns null as soon as it exceeds {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int read; (read = in.read(buffer)) >= 0; ) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Stops accepting requests, lets running ones finish (up to a second), releases the port, and closes
     * the witness (releasing its data folder).
     */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
        try {
            witness.close();
        } catch (java.io.IOException e) {
            System.getLogger(WitnessServer.class.getName()).log(System.Logger.Level.WARNING,
                    "could not release the witness data folder: " + e.getMessage());
        }
    }
}
