package org.smolny.ballot.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.InvalidEncodingException;
import org.smolny.ballot.group.Scalar;

/** Reads typed values from a JSON node and names the JSON path in every error. Immutable. */
public record JsonReader(JsonNode node, String path) {

    public JsonReader field(String name) {
        if (!node.isObject()) {
            throw error("is not an object");
        }
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw new RecordFormatException(path + ": missing field \"" + name + "\"");
        }
        return new JsonReader(child, path + "." + name);
    }

    public boolean has(String name) {
        return node.isObject() && node.has(name) && !node.get(name).isNull();
    }

    public RecordFormatException error(String what) {
        return new RecordFormatException(path + ": " + what);
    }

    public String text() {
        if (!node.isTextual()) {
            throw error("must be a string");
        }
        return node.asText();
    }

    public long integer() {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error("must be an integer");
        }
        return node.asLong();
    }

    public int smallInt() {
        long v = integer();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw error("must be an integer from 0 to " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    public byte[] hex() {
        return decoded(() -> Bytes.unhex(text()));
    }

    public GroupElement element(Group group) {
        return decoded(() -> group.decodeElement(hex()));
    }

    public GroupElement elementOrIdentity(Group group) {
        return decoded(() -> group.decodeElementOrIdentity(hex()));
    }

    public Scalar scalar(Group group) {
        return decoded(() -> group.decodeScalar(hex()));
    }

    /** The value {@code decoding} returns; a bad encoding becomes an error at this place. */
    private <T> T decoded(Supplier<T> decoding) {
        try {
            return decoding.get();
        } catch (InvalidEncodingException e) {
            throw error(e.getMessage());
        }
    }

    public <T> List<T> list(BiFunction<JsonReader, Integer, T> item) {
        if (!node.isArray()) {
            throw error("must be an array");
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(item.apply(new JsonReader(node.get(i), path + "[" + i + "]"), i));
        }
        return out;
    }

    public void version() {
        if (field("v").integer() != 1) {
            throw error("unknown version, expected \"v\":1");
        }
    }
}
