package org.smolny.web;

import java.util.Objects;

/**
 * Where the server listens and whose record it shows.
 *
 * @param host         the address to bind, {@code 127.0.0.1} by default
 * @param port         the TCP port, 0 for any free port (tests)
 * @param organisation the organisation's name, shown in every page's header
 */
public record WebSettings(String host, int port, String organisation) {

    public WebSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(organisation, "organisation");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The host to listen on is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
        }
        if (organisation.isBlank()) {
            throw new IllegalArgumentException("The organisation's name is empty");
        }
    }
}
