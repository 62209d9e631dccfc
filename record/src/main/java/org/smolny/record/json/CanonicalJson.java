package org.smolny.record.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme over Jackson's tree model (record spec §1.2, §1.3): object members sorted by the UTF-16 code units
 * of their names, numbers in the ECMAScript (ES6) {@code Number.prototype.toString} form, strings escaped as
 * RFC 8785 §3.2.2.2 says, no whitespace, UTF-8. Input must be I-JSON (RFC 7493): no duplicate member names, no
 * lone surrogates, numbers that are exactly IEEE 754 doubles. Stateless and thread-safe.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** Parses JSON text strictly (I-JSON); an {@link InvalidEntryException} with {@link EntryError.NotJson} says why not. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidEntryException(new EntryError.NotJson("the text is empty"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidEntryException(new EntryError.NotJson(e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")")));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidEntryException(new EntryError.NotJson(unreadableNumber(e)));
        }
    }

    /** Parses UTF-8 JSON bytes strictly (I-JSON). */
    public static JsonNode parse(byte[] utf8) {
        try {
            JsonNode node = MAPPER.readTree(utf8);
            if (node == null || node.isMissingNode()) {
                throw new InvalidEntryException(new EntryError.NotJson("the text is empty"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidEntryException(new EntryError.NotJson(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new InvalidEntryException(new EntryError.NotJson(e.getMessage()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidEntryException(new EntryError.NotJson(unreadableNumber(e)));
        }
    }

    // A number whose exponent does not fit the decimal arithmetic (e.g. 1e6000000000000000000) cannot be read.
    private static String unreadableNumber(RuntimeException e) {
        return "a number cannot be read (its exponent is out of range): " + e.getMessage();
    }

    /** The RFC 8785 canonical UTF-8 bytes of a JSON value. */
    public static byte[] canonicalize(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(node, "", out);
        return out.toByteArray();
    }

    /** Canonical bytes of JSON text. */
    public static byte[] canonicalize(String text) {
        return canonicalize(parse(text));
    }

    private static void write(JsonNode node, String pointer, ByteArrayOutputStream out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                node.properties().forEach(members::add);
                members.sort(Map.Entry.comparingByKey());
                out.write('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> member : members) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    String childPointer = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                    writeString(member.getKey(), childPointer, out);
                    out.write(':');
                    write(member.getValue(), childPointer, out);
                }
                out.write('}');
            }
            case ARRAY -> {
                out.write('[');
                int index = 0;
                for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); index++) {
                    if (index > 0) {
                        out.write(',');
                    }
                    write(elements.next(), pointer + "/" + index, out);
                }
                out.write(']');
            }
            case STRING -> writeString(node.textValue(), pointer, out);
            case NUMBER -> writeAscii(number(node, pointer), out);
            case BOOLEAN -> writeAscii(node.booleanValue() ? "true" : "false", out);
            case NULL -> writeAscii("null", out);
            default -> throw new InvalidEntryException(new EntryError.NotJson("unsupported value at " + pointer(pointer)));
        }
    }

    private static String number(JsonNode node, String pointer) {
        BigDecimal exact;
        try {
            exact = node.decimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidEntryException(new EntryError.InexactNumber(pointer(pointer), node.asText()));
        }
        double value = exact.doubleValue();
        if (Double.isInfinite(value)) {
            throw new InvalidEntryException(new EntryError.InexactNumber(pointer(pointer), exact.toString()));
        }
        String canonical = formatDouble(value);
        // RFC 8785 reads every number as a double. An integer that the double does not hold exactly (beyond 2^53)
        // would silently change, so it is refused; a fraction denotes its nearest double, as the RFC says.
        if (node.isIntegralNumber() && exact.compareTo(new BigDecimal(canonical)) != 0) {
            throw new InvalidEntryException(new EntryError.InexactNumber(pointer(pointer), node.asText()));
        }
        return canonical;
    }

    private static String pointer(String pointer) {
        return pointer.isEmpty() ? "the top level" : pointer;
    }

    /**
     * The ECMAScript Number::toString form of a finite double (ECMA-262 §6.1.6.1.20), as RFC 8785 §3.2.2.3 requires.
     */
    public static String formatDouble(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        if (value == 0) {
            return "0";
        }
        StringBuilder text = new StringBuilder(32);
        if (value < 0) {
            text.append('-');
            value = -value;
        }
        Decimal decimal = shortestDigits(value);
        String digits = decimal.digits;
        int k = digits.length();
        int n = decimal.pointPosition;
        if (k <= n && n <= 21) {
            text.append(digits);
            text.repeat('0', n - k);
        } else if (0 < n && n <= 21) {
            text.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            text.append("0.");
            text.repeat('0', -n);
            text.append(digits);
        } else {
            int exponent = n - 1;
            text.append(digits.charAt(0));
            if (k > 1) {
                text.append('.').append(digits, 1, k);
            }
            text.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return text.toString();
    }

    /** Digits d1..dk (no leading or trailing zeros) and n with value = 0.d1..dk × 10^n. */
    private record Decimal(String digits, int pointPosition) {
    }

    private static Decimal shortestDigits(double value) {
        // Since JDK 19, Double.toString gives the shortest decimal that rounds to the value, except that it
        // may prefer two digits where one suffices; ECMAScript wants the shortest, so one digit is tried first.
        Decimal decimal = parseJavaDouble(Double.toString(value));
        if (decimal.digits.length() == 2) {
            Decimal best = null;
            BigDecimal exact = new BigDecimal(value);
            BigDecimal bestDistance = null;
            int first = decimal.digits.charAt(0) - '0';
            for (int candidate = first; candidate <= first + 1; candidate++) {
                Decimal option = candidate == 10 ? new Decimal("1", decimal.pointPosition + 1)
                        : new Decimal(String.valueOf(candidate), decimal.pointPosition);
                BigDecimal optionValue = new BigDecimal("0." + option.digits).scaleByPowerOfTen(option.pointPosition);
                if (optionValue.doubleValue() == value) {
                    BigDecimal distance = optionValue.subtract(exact).abs();
                    if (best == null || distance.compareTo(bestDistance) < 0) {
                        best = option;
                        bestDistance = distance;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return decimal;
    }

    private static Decimal parseJavaDouble(String text) {
        int e = text.indexOf('E');
        String mantissa = e < 0 ? text : text.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String integerPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fractionPart = dot < 0 ? "" : mantissa.substring(dot + 1);
        String all = integerPart + fractionPart;
        int n = integerPart.length() + exponent;
        int start = 0;
        while (start < all.length() - 1 && all.charAt(start) == '0') {
            start++;
            n--;
        }
        int end = all.length();
        while (end > start + 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        return new Decimal(all.substring(start, end), n);
    }

    private static void writeString(String value, String pointer, ByteArrayOutputStream out) {
        out.write('"');
        if (isPrintableAsciiWithoutEscapes(value)) {
            // the common case (names, ids, hex): every character is its own byte, written in one go
            byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes, 0, bytes.length);
            out.write('"');
            return;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c < 0x20) {
                out.write('\\');
                switch (c) {
                    case '\b' -> out.write('b');
                    case '\t' -> out.write('t');
                    case '\n' -> out.write('n');
                    case '\f' -> out.write('f');
                    case '\r' -> out.write('r');
                    default -> {
                        out.write('u');
                        out.write('0');
                        out.write('0');
                        out.write(HEX[c >> 4]);
                        out.write(HEX[c & 0xF]);
                    }
                }
            } else if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                out.write(0xF0 | (codePoint >> 18));
                out.write(0x80 | ((codePoint >> 12) & 0x3F));
                out.write(0x80 | ((codePoint >> 6) & 0x3F));
                out.write(0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                throw new InvalidEntryException(new EntryError.NotJson(String.format(
                        "lone surrogate U+%04X in a string at %s (I-JSON forbids it)", (int) c, pointer(pointer))));
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        out.write('"');
    }

    /** True if RFC 8785 writes every character of {@code value} as itself, one byte each (U+0020–U+007F but '"' and '\\'). */
    private static boolean isPrintableAsciiWithoutEscapes(String value) {
        for (int i = 0, length = value.length(); i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static void writeAscii(String text, ByteArrayOutputStream out) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }
}
