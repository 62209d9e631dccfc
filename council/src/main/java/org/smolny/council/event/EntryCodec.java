package org.smolny.council.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smolny.council.election.ElectionId;
import org.smolny.council.election.ElectionKind;
import org.smolny.council.emergency.PowersId;
import org.smolny.council.expulsion.ChargeId;
import org.smolny.council.initiative.InitiativeId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MandateSource;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.meeting.ConveningId;
import org.smolny.council.member.Commitment;
import org.smolny.council.member.MemberId;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.register.PaymentId;
import org.smolny.council.register.PaymentKind;
import org.smolny.council.unit.UnitId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes entries as the JSON envelope {@code {"v":1,"type":…,"org":…,"unit":…,"at":…,"by":…,"body":{…}}} and reads
 * them back. Output has keys sorted by UTF-16 code units, no whitespace, integers only and nulls written out, as
 * RFC 8785 (JCS) asks for the values councils use; the record module's canonical encoder has the last word on bytes.
 * Reading is strict: an unknown {@code v} or {@code type}, an unknown or missing field, or an invalid value is a
 * {@link MalformedEntryException}, never skipped. Stateless; thread-safe.
 */
public final class EntryCodec {

    private static final Set<String> ENVELOPE_KEYS = Set.of("v", "type", "org", "unit", "at", "by", "body");
    private static final ObjectMapper JSON = mapper();

    private EntryCodec() {
    }

    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("smolny-council");
        id(module, UnitId.class, UnitId::parse);
        id(module, MemberId.class, MemberId::parse);
        id(module, MandateId.class, MandateId::parse);
        id(module, MotionId.class, MotionId::parse);
        id(module, ElectionId.class, ElectionId::parse);
        id(module, PetitionId.class, PetitionId::parse);
        id(module, ChargeId.class, ChargeId::parse);
        id(module, PaymentId.class, PaymentId::parse);
        id(module, PowersId.class, PowersId::parse);
        id(module, ConveningId.class, ConveningId::parse);
        id(module, InitiativeId.class, InitiativeId::parse);
        id(module, org.smolny.council.congress.CongressId.class, org.smolny.council.congress.CongressId::parse);
        id(module, org.smolny.council.congress.AmendmentId.class, org.smolny.council.congress.AmendmentId::parse);
        id(module, org.smolny.council.congress.PlatformId.class, org.smolny.council.congress.PlatformId::parse);
        id(module, OrgId.class, OrgId::parse);
        id(module, Commitment.class, Commitment::new);
        id(module, Instant.class, EntryCodec::instant);
        enumeration(module, MandateSource.class);
        enumeration(module, Position.class);
        enumeration(module, ElectionKind.class);
        enumeration(module, PaymentKind.class);
        enumeration(module, org.smolny.council.congress.ConveningKind.class);
        enumeration(module, org.smolny.council.congress.Side.class);
        enumeration(module, org.smolny.council.congress.VoteMode.class);
        enumeration(module, org.smolny.council.congress.PlatformKind.class);
        enumeration(module, org.smolny.council.congress.EditKind.class);
        return JsonMapper.builder()
                .addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            throw new IllegalArgumentException("not a UTC instant: '" + text + "'");
        }
    }

    private static <T> void id(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value instanceof Commitment commitment ? commitment.sha256() : value.toString());
            }
        });
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.currentToken().isScalarValue() || parser.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    return context.reportInputMismatch(type, "%s must be a string", type.getSimpleName());
                }
                try {
                    return parse.apply(parser.getText());
                } catch (IllegalArgumentException invalid) {
                    return context.reportInputMismatch(type, "%s", invalid.getMessage());
                }
            }
        });
    }

    private static <E extends Enum<E>> void enumeration(SimpleModule module, Class<E> type) {
        module.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(wireName(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                for (E constant : type.getEnumConstants()) {
                    if (wireName(constant).equals(text)) {
                        return constant;
                    }
                }
                return context.reportInputMismatch(type, "unknown %s '%s'", type.getSimpleName(), text);
            }
        });
    }

    /** The name of an enum constant on the record: lower case, words joined by hyphens ({@code by-election}). */
    public static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The entry as canonical JSON text. */
    public static String toJson(Entry entry) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("v", Entry.VERSION);
        envelope.put("type", entry.type());
        envelope.put("org", entry.org().toString());
        envelope.put("unit", entry.unit() == null ? null : entry.unit().toString());
        envelope.put("at", entry.at().toString());
        envelope.put("by", entry.by() == null ? null : entry.by().toString());
        envelope.set("body", JSON.valueToTree(entry.event()));
        try {
            return JSON.writeValueAsString(sorted(envelope));
        } catch (JacksonException impossible) {
            throw new IllegalStateException("an event could not be written as JSON", impossible);
        }
    }

    /** The entry as canonical JSON bytes (UTF-8). */
    public static byte[] toBytes(Entry entry) {
        return toJson(entry).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an entry from UTF-8 JSON bytes. */
    public static Entry fromBytes(byte[] json) throws MalformedEntryException {
        return fromJson(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Reads an entry of the organisation's record, which also holds other modules' entries: empty when its type is
     * one of {@link EventTypes#FOREIGN} (known, not the council's, changes no council state), the council entry
     * otherwise, read as strictly as {@link #fromJson}; any other type is an unknown type and refused.
     */
    public static Optional<Entry> fromRecordJson(String json) throws MalformedEntryException {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JacksonException notJson) {
            throw new MalformedEntryException("not JSON: " + notJson.getOriginalMessage(), notJson);
        }
        if (tree instanceof ObjectNode envelope && envelope.path("type").isTextual()
                && EventTypes.isForeign(envelope.get("type").asText())) {
            return Optional.empty();
        }
        return Optional.of(fromJson(json));
    }

    /** Reads an entry from JSON text; anything not a valid council entry is refused with the reason. */
    public static Entry fromJson(String json) throws MalformedEntryException {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JacksonException notJson) {
            throw new MalformedEntryException("not JSON: " + notJson.getOriginalMessage(), notJson);
        }
        if (!(tree instanceof ObjectNode envelope)) {
            throw new MalformedEntryException("an entry is a JSON object");
        }
        for (Iterator<String> names = envelope.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE_KEYS.contains(name)) {
                throw new MalformedEntryException("unknown envelope field '" + name + "'");
            }
        }
        for (String key : ENVELOPE_KEYS) {
            if (!envelope.has(key)) {
                throw new MalformedEntryException("the envelope has no '" + key + "'");
            }
        }
        JsonNode version = envelope.get("v");
        if (!version.isInt() || version.asInt() != Entry.VERSION) {
            throw new MalformedEntryException("unknown entry version " + version + ": this reader knows version " + Entry.VERSION);
        }
        String type = envelope.get("type").asText();
        Class<? extends CouncilEvent> eventClass = EventTypes.classOf(type)
                .orElseThrow(() -> new MalformedEntryException("unknown entry type '" + type + "'"));
        try {
            OrgId org = OrgId.parse(text(envelope, "org"));
            String unitText = nullableText(envelope, "unit");
            String byText = nullableText(envelope, "by");
            Instant at = instant(text(envelope, "at"));
            CouncilEvent event = JSON.treeToValue(envelope.get("body"), eventClass);
            if (event == null) {
                throw new MalformedEntryException("entry of type '" + type + "' has no body");
            }
            return new Entry(org, unitText == null ? null : UnitId.parse(unitText), at,
                    byText == null ? null : MemberId.parse(byText), event);
        } catch (JacksonException invalidBody) {
            throw new MalformedEntryException("invalid body of '" + type + "': " + rootMessage(invalidBody), invalidBody);
        } catch (IllegalArgumentException invalid) {
            throw new MalformedEntryException("invalid entry of type '" + type + "': " + invalid.getMessage(), invalid);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
    }

    private static String text(ObjectNode envelope, String key) throws MalformedEntryException {
        JsonNode node = envelope.get(key);
        if (!node.isTextual()) {
            throw new MalformedEntryException("envelope field '" + key + "' must be a string");
        }
        return node.asText();
    }

    private static String nullableText(ObjectNode envelope, String key) throws MalformedEntryException {
        return envelope.get(key).isNull() ? null : text(envelope, key);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(object.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }
}
