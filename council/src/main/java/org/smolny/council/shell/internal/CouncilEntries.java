package org.smolny.council.shell.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.EventTypes;
import org.smolny.council.event.MalformedEntryException;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads the council's entries out of the record, which also holds other modules' entries (ballots, checkpoints of
 * other kinds). An entry whose type is a council type must decode, or the record is refused with its index; an
 * entry of another type is not the council's. Stateless; thread-safe.
 */
public final class CouncilEntries {

    private static final JsonFactory JSON = new JsonFactory();

    private CouncilEntries() {
    }

    /** The council entry at {@code index}, or empty when the entry is of another module. */
    public static Optional<Entry> decode(long index, byte[] canonical) {
        String type = typeOf(index, canonical);
        if (type == null || EventTypes.classOf(type).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntryCodec.fromBytes(canonical));
        } catch (MalformedEntryException malformed) {
            throw new IllegalStateException("record entry " + index + " of type '" + type + "' is not a valid council entry: "
                    + malformed.getMessage(), malformed);
        }
    }

    /** The canonical record entry of a council entry. */
    public static org.smolny.record.json.Entry toRecord(Entry entry) {
        return org.smolny.record.json.Entry.parse(EntryCodec.toJson(entry));
    }

    private static String typeOf(long index, byte[] canonical) {
        try (JsonParser parser = JSON.createParser(canonical)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException notJson) {
            throw new IllegalStateException("record entry " + index + " is not JSON: " + notJson.getMessage(), notJson);
        }
    }
}
