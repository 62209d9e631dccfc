package org.smolny.record.json;

import java.util.Arrays;

/**
 * A fast, allocation-free test that bytes are a canonical version-1 entry: RFC 8785 form (no whitespace, members
 * sorted by UTF-16 code units, no duplicates, minimal string escapes, ECMAScript numbers), well-formed UTF-8,
 * an object at the top with {@code "v":1}. For bulk verification. It may answer false for an exotic valid
 * entry (very deep nesting); callers then ask {@link Entry#fromCanonical}, which is the authority and says what is
 * wrong. Not thread-safe: one instance per thread.
 */
public final class CanonicalCheck {

    private static final int MAX_DEPTH = 200;

    private char[] currentKey = new char[64];
    private final char[][] previousKeys = new char[MAX_DEPTH + 2][16];
    private final int[] previousLengths = new int[MAX_DEPTH + 2];
    private int currentLength;
    private byte[] in;
    private int pos;
    private int end;
    private boolean sawVersion;

    /** Whether {@code bytes[offset..offset+length)} is a canonical version-1 entry of at most 65,535 bytes. */
    public boolean isCanonicalEntry(byte[] bytes, int offset, int length) {
        if (length > Entry.MAX_BYTES || length < 2 || bytes[offset] != '{') {
            return false;
        }
        in = bytes;
        pos = offset;
        end = offset + length;
        sawVersion = false;
        try {
            return value(0, true) && pos == end && sawVersion;
        } catch (ArrayIndexOutOfBoundsException e) {
            return false;
        } finally {
            in = null;
        }
    }

    /** Whether the whole array is a canonical version-1 entry. */
    public boolean isCanonicalEntry(byte[] bytes) {
        return isCanonicalEntry(bytes, 0, bytes.length);
    }

    private boolean value(int depth, boolean top) {
        if (pos >= end) {
            return false;
        }
        byte c = in[pos];
        switch (c) {
            case '{':
                return object(depth + 1, top);
            case '[':
                return array(depth + 1);
            case '"':
                return string(false);
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return number();
        }
    }

    private boolean object(int depth, boolean top) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        pos++;
        if (pos < end && in[pos] == '}') {
            pos++;
            return true;
        }
        previousLengths[depth] = -1;
        while (true) {
            if (pos >= end || in[pos] != '"') {
                return false;
            }
            if (!string(true)) {
                return false;
            }
            char[] previous = previousKeys[depth];
            int previousLength = previousLengths[depth];
            if (previousLength >= 0 && Arrays.compare(previous, 0, previousLength, currentKey, 0, currentLength) >= 0) {
                return false;
            }
            if (previous.length < currentLength) {
                previous = new char[Math.max(currentLength, previous.length * 2)];
                previousKeys[depth] = previous;
            }
            System.arraycopy(currentKey, 0, previous, 0, currentLength);
            previousLengths[depth] = currentLength;
            boolean isVersion = top && currentLength == 1 && currentKey[0] == 'v';
            if (pos >= end || in[pos] != ':') {
                return false;
            }
            pos++;
            if (isVersion) {
                if (pos + 1 < end && in[pos] == '1' && (in[pos + 1] == ',' || in[pos + 1] == '}')) {
                    sawVersion = true;
                } else {
                    return false;
                }
            }
            if (!value(depth, false)) {
                return false;
            }
            if (pos >= end) {
                return false;
            }
            if (in[pos] == ',') {
                pos++;
            } else if (in[pos] == '}') {
                pos++;
                return true;
            } else {
                return false;
            }
        }
    }

    private boolean array(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        pos++;
        if (pos < end && in[pos] == ']') {
            pos++;
            return true;
        }
        while (true) {
            if (!value(depth, false)) {
                return false;
            }
            if (pos >= end) {
                return false;
            }
            if (in[pos] == ',') {
                pos++;
            } else if (in[pos] == ']') {
                pos++;
                return true;
            } else {
                return false;
            }
        }
    }

    private boolean literal(String word) {
        int length = word.length();
        if (pos + length > end) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (in[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += length;
        return true;
    }

    /** A canonical string; if {@code key}, its UTF-16 code units are decoded into currentKey. */
    private boolean string(boolean key) {
        pos++;
        currentLength = 0;
        while (pos < end) {
            if (!key) {
                // Fast path for the common case: printable ASCII without quote or backslash.
                byte b;
                while ((b = in[pos]) >= 0x20 && b != '"' && b != '\\') {
                    if (++pos == end) {
                        return false;
                    }
                }
            }
            int c = in[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    return false;
                }
                int e = in[pos + 1];
                int unit;
                switch (e) {
                    case '"' -> unit = '"';
                    case '\\' -> unit = '\\';
                    case 'b' -> unit = '\b';
                    case 't' -> unit = '\t';
                    case 'n' -> unit = '\n';
                    case 'f' -> unit = '\f';
                    case 'r' -> unit = '\r';
                    case 'u' -> {
                        if (pos + 5 >= end || in[pos + 2] != '0' || in[pos + 3] != '0') {
                            return false;
                        }
                        int high = hex(in[pos + 4]);
                        int low = hex(in[pos + 5]);
                        if (high < 0 || high > 1 || low < 0) {
                            return false;
                        }
                        unit = high * 16 + low;
                        if (unit == '\b' || unit == '\t' || unit == '\n' || unit == '\f' || unit == '\r') {
                            return false;
                        }
                        pos += 4;
                    }
                    default -> {
                        return false;
                    }
                }
                pos += 2;
                if (key) {
                    addUnit((char) unit);
                }
                continue;
            }
            if (c < 0x80) {
                pos++;
                if (key) {
                    addUnit((char) c);
                }
                continue;
            }
            int codePoint;
            int length;
            if (c >= 0xC2 && c <= 0xDF) {
                length = 2;
                codePoint = c & 0x1F;
            } else if (c >= 0xE0 && c <= 0xEF) {
                length = 3;
                codePoint = c & 0x0F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                length = 4;
                codePoint = c & 0x07;
            } else {
                return false;
            }
            if (pos + length > end) {
                return false;
            }
            for (int i = 1; i < length; i++) {
                int continuation = in[pos + i] & 0xFF;
                if ((continuation & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (continuation & 0x3F);
            }
            if ((length == 3 && (codePoint < 0x800 || (codePoint >= 0xD800 && codePoint <= 0xDFFF)))
                    || (length == 4 && (codePoint < 0x10000 || codePoint > 0x10FFFF))) {
                return false;
            }
            pos += length;
            if (key) {
                if (codePoint >= 0x10000) {
                    addUnit(Character.highSurrogate(codePoint));
                    addUnit(Character.lowSurrogate(codePoint));
                } else {
                    addUnit((char) codePoint);
                }
            }
        }
        return false;
    }

    private void addUnit(char unit) {
        if (currentLength == currentKey.length) {
            currentKey = Arrays.copyOf(currentKey, currentLength * 2);
        }
        currentKey[currentLength++] = unit;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private boolean number() {
        int start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        if (pos >= end) {
            return false;
        }
        int digitsStart = pos;
        if (in[pos] == '0') {
            pos++;
        } else if (in[pos] >= '1' && in[pos] <= '9') {
            while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
                pos++;
            }
        } else {
            return false;
        }
        boolean integer = true;
        if (pos < end && in[pos] == '.') {
            integer = false;
            pos++;
            int fraction = pos;
            while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
                pos++;
            }
            if (pos == fraction) {
                return false;
            }
        }
        if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
            integer = false;
            pos++;
            if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            int exponent = pos;
            while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
                pos++;
            }
            if (pos == exponent) {
                return false;
            }
        }
        int digits = pos - digitsStart;
        if (integer && digits <= 15) {
            // Integers below 10^15 are exact doubles and ECMAScript writes them digit for digit; -0 is written 0.
            return !(in[start] == '-' && in[digitsStart] == '0');
        }
        String token = new String(in, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII);
        double value = Double.parseDouble(token);
        return !Double.isInfinite(value) && CanonicalJson.formatDouble(value).equals(token);
    }
}
