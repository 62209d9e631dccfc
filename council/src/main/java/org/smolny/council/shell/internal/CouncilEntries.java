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
 * listed in {@link EventTypes#FOREIGN}). An entry whose type is a council type must decode, and an entry of any type
 * that is neither the council's nor listed as another module's is an error, never skipped: either way the record is
 * refused with the entry's index. Stateless; thread-safe.
 */
public final class CouncilEntries {

    private static final JsonFactory JSON = new JsonFactory();

    private CouncilEntries() {
    }

    /** The council entry at {@code index}, or empty when the entry is another module's (a type in {@link EventTypes#FOREIGN}). */
    public static Optional<Entry> decode(long index, byte[] canonical) {
        String type = typeOf(index, canonical);
        if (type != null && EventTypes.isForeign(type)) {
            return Optional.empty();
        }
        if (type == null || EventTypes.classOf(type).isEmpty()) {
            throw new IllegalStateException("record entry " + index + (type == null ? " has no type" : " has the unknown type '" + type + "'")
                    + ": it is neither a council entry nor a known entry of another module, and an unknown entry is never skipped");
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
