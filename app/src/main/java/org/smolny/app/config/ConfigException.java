package org.smolny.app.config;

/** The configuration cannot be used: the message names the file or variable, the key and what is wrong. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
