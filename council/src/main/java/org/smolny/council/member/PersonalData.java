package org.smolny.council.member;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A member's personal data: never on the record, kept in the erasable {@link PersonalDataStore}.
 *
 * @param name the member's name
 * @param email an e-mail address, or empty
 * @param phone a telephone number, or empty
 */
public record PersonalData(String name, String email, String phone) {

    public PersonalData {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("personal data needs a name");
        }
        name = name.strip();
        email = email == null ? "" : email.strip();
        phone = phone == null ? "" : phone.strip();
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
    }

    /** The canonical bytes committed to: each field as a 4-byte big-endian length and its UTF-8 bytes, in order. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String field : new String[] {name, email, phone}) {
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            bytes.write(utf8.length >>> 24);
            bytes.write(utf8.length >>> 16);
            bytes.write(utf8.length >>> 8);
            bytes.write(utf8.length);
            bytes.writeBytes(utf8);
        }
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
