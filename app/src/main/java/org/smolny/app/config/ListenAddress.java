package org.smolny.app.config;

import java.util.Objects;

/**
 * Where a server listens: a host name or IP address and a port ({@code 127.0.0.1:8080},
 * {@code [::1]:8080}).
 */
public record ListenAddress(String host, int port) {

    public ListenAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The address to listen on has no host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
        }
    }

    /** Reads {@code host:port}; an IPv6 host is written in brackets. */
    public static ListenAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("Expected host:port (for example 127.0.0.1:8080), not \"" + text + "\"");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("Write an IPv6 address in brackets, as [::1]:8080, not \"" + text + "\"");
        }
        String port = trimmed.substring(colon + 1);
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
            throw new IllegalArgumentException("The port in \"" + text + "\" is not a number from 0 to 65535");
        }
        return new ListenAddress(host, Integer.parseInt(port));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
