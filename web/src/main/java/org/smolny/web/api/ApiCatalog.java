package org.smolny.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The JSON API's endpoints, each described once where it is registered, and the OpenAPI 3.1
 * document made from those descriptions (served at {@code /api/openapi.json}). An endpoint
 * cannot be added to the server without being described here.
 *
 * <p>Not thread-safe while endpoints are being added (at start-up); read-only afterwards.
 */
public final class ApiCatalog {

    /**
     * A parameter of an operation: a whole number at least {@code minimum}, or (when {@code minimum} is
     * {@link #TEXT}) a string.
     */
    public record Parameter(String name, Location in, String description, boolean required, long minimum) {
        /** The {@code minimum} of a string parameter. */
        public static final long TEXT = Long.MIN_VALUE;

        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(description, "description");
        }

        /** A string parameter. */
        public static Parameter text(String name, Location in, String description, boolean required) {
            return new Parameter(name, in, description, required, TEXT);
        }
    }

    /** Where a parameter travels. */
    public enum Location { PATH, QUERY }

    /**
     * A GET operation of the API.
     *
     * @param path        the path in OpenAPI form, {@code /api/record/entries/{index}}
     * @param responses   the status codes it answers with and what each means
     * @param mediaType   the media type of the successful answer
     */
    public record Operation(String path, String operationId, String summary, List<Parameter> parameters,
                            Map<Integer, String> responses, String mediaType) {
        public Operation {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operationId, "operationId");
            Objects.requireNonNull(summary, "summary");
            parameters = List.copyOf(parameters);
            responses = Map.copyOf(responses);
            Objects.requireNonNull(mediaType, "mediaType");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("An API path starts with '/': " + path);
            }
        }
    }

    /**
     * A POST operation of the API that acts (for example, a council command): its JSON request body is described by
     * {@code requestSchema} (a JSON Schema object), and a refusal is a problem.
     *
     * @param path          the path in OpenAPI form
     * @param requestSchema the JSON Schema of the request body, or null when it takes none
     * @param responses     the status codes it answers with and what each means
     */
    public record Action(String path, String operationId, String summary, ObjectNode requestSchema, Map<Integer, String> responses) {
        public Action {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operationId, "operationId");
            Objects.requireNonNull(summary, "summary");
            responses = Map.copyOf(responses);
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("An API path starts with '/': " + path);
            }
        }
    }

    private final List<Operation> operations = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();

    /** Adds a POST operation; its path and operation id must be new among the actions. */
    public void addAction(Action action) {
        for (Action existing : actions) {
            if (existing.path().equals(action.path()) || existing.operationId().equals(action.operationId())) {
                throw new IllegalArgumentException("The API already has POST " + existing.path() + " (" + existing.operationId() + ")");
            }
        }
        actions.add(action);
    }

    public List<Action> actions() {
        return List.copyOf(actions);
    }

    public void add(Operation operation) {
        for (Operation existing : operations) {
            if (existing.path().equals(operation.path()) || existing.operationId().equals(operation.operationId())) {
                throw new IllegalArgumentException("The API already has " + existing.path() + " (" + existing.operationId() + ")");
            }
        }
        operations.add(operation);
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The OpenAPI 3.1 document describing every operation added so far. */
    public ObjectNode document(ObjectMapper json, String title, String version) {
        ObjectNode root = json.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", "Read-only JSON API of a Smolny server. Errors are RFC 9457 problem details (application/problem+json).");
        ObjectNode paths = root.putObject("paths");
        Map<String, Operation> sorted = new TreeMap<>();
        operations.forEach(operation -> sorted.put(operation.path(), operation));
        sorted.values().forEach(operation -> {
            ObjectNode get = paths.putObject(operation.path()).putObject("get");
            get.put("operationId", operation.operationId());
            get.put("summary", operation.summary());
            if (!operation.parameters().isEmpty()) {
                ArrayNode parameters = get.putArray("parameters");
                for (Parameter parameter : operation.parameters()) {
                    ObjectNode node = parameters.addObject();
                    node.put("name", parameter.name());
                    node.put("in", parameter.in() == Location.PATH ? "path" : "query");
                    node.put("description", parameter.description());
                    node.put("required", parameter.required() || parameter.in() == Location.PATH);
                    ObjectNode schema = node.putObject("schema");
                    if (parameter.minimum() == Parameter.TEXT) {
                        schema.put("type", "string");
                    } else {
                        schema.put("type", "integer");
                        schema.put("format", "int64");
                        schema.put("minimum", parameter.minimum());
                    }
                }
            }
            ObjectNode responses = get.putObject("responses");
            new TreeMap<>(operation.responses()).forEach((status, description) -> {
                ObjectNode response = responses.putObject(Integer.toString(status));
                response.put("description", description);
                String mediaType = status < 400 ? operation.mediaType() : "application/problem+json";
                ObjectNode content = response.putObject("content").putObject(mediaType);
                if (status >= 400) {
                    content.putObject("schema").put("$ref", "#/components/schemas/Problem");
                }
            });
        });
        new TreeMap<>(actions.stream().collect(java.util.stream.Collectors.toMap(Action::path, action -> action))).values().forEach(action -> {
            ObjectNode pathItem = paths.has(action.path()) ? (ObjectNode) paths.get(action.path()) : paths.putObject(action.path());
            ObjectNode post = pathItem.putObject("post");
            post.put("operationId", action.operationId());
            post.put("summary", action.summary());
            if (action.requestSchema() != null) {
                ObjectNode body = post.putObject("requestBody");
                body.put("required", true);
                body.putObject("content").putObject("application/json").set("schema", action.requestSchema());
            }
            ObjectNode responses = post.putObject("responses");
            new TreeMap<>(action.responses()).forEach((status, description) -> {
                ObjectNode response = responses.putObject(Integer.toString(status));
                response.put("description", description);
                ObjectNode content = response.putObject("content").putObject(status < 400 ? "application/json" : "application/problem+json");
                if (status >= 400) {
                    content.putObject("schema").put("$ref", "#/components/schemas/Problem");
                }
            });
        });
        ObjectNode problem = root.putObject("components").putObject("schemas").putObject("Problem");
        problem.put("type", "object");
        problem.put("description", "RFC 9457 problem details");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        problem.putArray("required").add("type").add("title").add("status");
        return root;
    }
}
