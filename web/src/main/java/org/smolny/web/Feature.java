package org.smolny.web;

/**
 * A group of pages and API endpoints that adds itself to the server (the record pages, and
 * later the council's pages). Construction stays explicit: the application lists the features
 * it serves when it starts the {@link WebServer}.
 */
public interface Feature {

    /** Adds this feature's pages and endpoints. Called once, before the server starts. */
    void install(Routes routes);
}
