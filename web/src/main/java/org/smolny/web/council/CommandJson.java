package org.smolny.web.council;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smolny.council.command.Command;
import org.smolny.council.election.ElectionId;
import org.smolny.council.emergency.PowersId;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.expulsion.ChargeId;
import org.smolny.council.id.Uuid7;
import org.smolny.council.initiative.InitiativeId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.meeting.ConveningId;
import org.smolny.council.member.MemberId;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.register.PaymentId;
import org.smolny.council.register.PaymentKind;
import org.smolny.council.unit.UnitId;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads council commands from JSON request bodies (the command record's components are the fields; ids are UUID
 * strings, instants ISO-8601 UTC, enums their lower-case hyphenated names) and describes them as JSON Schema for the
 * OpenAPI document. Stateless; thread-safe.
 */
public final class CommandJson {

    private static final Map<Class<?>, Function<String, ?>> IDS = new LinkedHashMap<>();

    static {
        IDS.put(UnitId.class, UnitId::parse);
        IDS.put(MemberId.class, MemberId::parse);
        IDS.put(MandateId.class, MandateId::parse);
        IDS.put(MotionId.class, MotionId::parse);
        IDS.put(ElectionId.class, ElectionId::parse);
        IDS.put(PetitionId.class, PetitionId::parse);
        IDS.put(ChargeId.class, ChargeId::parse);
        IDS.put(PaymentId.class, PaymentId::parse);
        IDS.put(PowersId.class, PowersId::parse);
        IDS.put(ConveningId.class, ConveningId::parse);
        IDS.put(InitiativeId.class, InitiativeId::parse);
        IDS.put(org.smolny.council.congress.CongressId.class, org.smolny.council.congress.CongressId::parse);
    }

    private final ObjectMapper json = mapper();

    /** A body that is not the command's JSON; the message says which field and what is wrong. */
    public static final class InvalidBody extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidBody(String message) {
            super(message);
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("smolny-council-api");
        IDS.forEach((type, parse) -> parser(module, type, parse));
        parser(module, Instant.class, text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                throw new IllegalArgumentException("'" + text + "' is not a UTC instant such as 2026-03-01T18:00:00Z");
            }
        });
        enumeration(module, Position.class);
        enumeration(module, PaymentKind.class);
        return JsonMapper.builder()
                .addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static <T> void parser(SimpleModule module, Class<T> type, Function<String, ?> parse) {
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return (T) context.reportInputMismatch(type, "must be a string");
                }
                try {
                    return (T) parse.apply(parser.getText());
                } catch (IllegalArgumentException invalid) {
                    return (T) context.reportInputMismatch(type, "%s", invalid.getMessage());
                }
            }
        });
    }

    private static <E extends Enum<E>> void enumeration(SimpleModule module, Class<E> type) {
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                for (E constant : type.getEnumConstants()) {
                    if (EntryCodec.wireName(constant).equals(text)) {
                        return constant;
                    }
                }
                return context.reportInputMismatch(type, "'%s' is not one of %s", text, wireNames(type));
            }
        });
    }

    private static String wireNames(Class<? extends Enum<?>> type) {
        StringBuilder names = new StringBuilder();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(EntryCodec.wireName(constant));
        }
        return names.toString();
    }

    /** Parses a request body as a JSON object. */
    public ObjectNode object(String body) throws InvalidBody {
        if (body == null || body.isBlank()) {
            throw new InvalidBody("the request has no body: send a JSON object");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException notJson) {
            throw new InvalidBody("the body is not JSON: " + notJson.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidBody("the body must be a JSON object");
        }
        return object;
    }

    /**
     * The command of {@code spec} from {@code body}: generated ids are filled in when left out; every other field
     * must be present and not null unless optional.
     */
    public Command command(CommandSpec spec, ObjectNode body, Instant now) throws InvalidBody {
        ObjectNode filled = body.deepCopy();
        for (RecordComponent component : spec.type().getRecordComponents()) {
            String name = component.getName();
            JsonNode value = filled.get(name);
            boolean absent = value == null || value.isNull();
            if (absent && spec.generated().contains(name)) {
                filled.put(name, Uuid7.generate(now).toString());
            } else if (absent && !spec.optional().contains(name)) {
                throw new InvalidBody("the field '" + name + "' is missing");
            } else if (absent) {
                filled.putNull(name);
            }
        }
        rejectNullElements(filled, "");
        try {
            return json.treeToValue(filled, spec.type());
        } catch (JsonMappingException invalid) {
            throw new InvalidBody(describe(invalid));
        } catch (JacksonException invalid) {
            throw new InvalidBody(invalid.getOriginalMessage());
        } catch (IllegalArgumentException invalid) {
            throw new InvalidBody(invalid.getMessage());
        }
    }

    /** Refuses a null inside a list or a nested object: only optional top-level fields may be null. */
    private static void rejectNullElements(JsonNode node, String path) throws InvalidBody {
        if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                JsonNode element = node.get(index);
                if (element.isNull()) {
                    throw new InvalidBody("the field '" + path + "[" + index + "]' is null");
                }
                rejectNullElements(element, path + "[" + index + "]");
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String inner = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getValue().isNull() && !path.isEmpty()) {
                    throw new InvalidBody("the field '" + inner + "' is null");
                }
                rejectNullElements(field.getValue(), inner);
            }
        }
    }

    /** Reads a value of {@code type} from a JSON node. */
    public <T> T value(JsonNode node, Class<T> type, String field) throws InvalidBody {
        try {
            return json.treeToValue(node, type);
        } catch (JsonMappingException invalid) {
            throw new InvalidBody("the field '" + field + "': " + describe(invalid));
        } catch (JacksonException | IllegalArgumentException invalid) {
            throw new InvalidBody("the field '" + field + "': " + invalid.getMessage());
        }
    }

    private static String describe(JsonMappingException invalid) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : invalid.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        Throwable cause = invalid;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
        if (invalid instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            message = "there is no field '" + unknown.getPropertyName() + "'";
        }
        return path.isEmpty() ? message : "the field '" + path + "': " + message;
    }

    /** The JSON Schema of a command's body. */
    public static ObjectNode schema(CommandSpec spec) {
        ObjectNode schema = schemaOf(spec.type());
        ArrayNode required = JsonNodeFactory.instance.arrayNode();
        for (RecordComponent component : spec.type().getRecordComponents()) {
            if (!spec.generated().contains(component.getName()) && !spec.optional().contains(component.getName())) {
                required.add(component.getName());
            }
        }
        schema.set("required", required);
        return schema;
    }

    private static ObjectNode schemaOf(Class<?> record) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType()));
            required.add(component.getName());
        }
        return schema;
    }

    private static ObjectNode schemaOf(Type type) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == java.util.List.class) {
            schema.put("type", "array");
            schema.set("items", schemaOf(parameterized.getActualTypeArguments()[0]));
            return schema;
        }
        Class<?> raw = (Class<?>) type;
        if (IDS.containsKey(raw)) {
            schema.put("type", "string");
            schema.put("format", "uuid");
            schema.put("description", raw.getSimpleName() + " (UUIDv7)");
        } else if (raw == Instant.class) {
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            schema.put("type", "integer");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(EntryCodec.wireName((Enum<?>) constant));
            }
        } else if (raw.isRecord()) {
            return schemaOf(raw);
        } else {
            schema.put("type", "string");
            schema.put("description", raw.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return schema;
    }
}
