package org.smolny.app.witness;

import java.net.InetSocketAddress;
import picocli.CommandLine;

/** Parses {@code host:port} (or {@code [ipv6]:port}) for a command's listen option. */
final class ListenAddress {

    private ListenAddress() {
    }

    static InetSocketAddress parse(CommandLine command, String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0 || colon == listen.length() - 1) {
            throw new CommandLine.ParameterException(command, "--listen must be HOST:PORT, got '" + listen + "'");
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(command, "--listen port must be 0 to 65535, got '"
                    + listen.substring(colon + 1) + "'");
        }
        return new InetSocketAddress(host, port);
    }
}
