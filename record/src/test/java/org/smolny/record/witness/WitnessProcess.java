package org.smolny.record.witness;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.smolny.record.note.SignerKey;

/**
 * A witness in its own JVM, for the kill test: {@code WitnessProcess <data dir> <witness signer key> <origin=log key>}.
 * Prints the port it listens on, then serves until killed.
 */
public final class WitnessProcess {

    private WitnessProcess() {
    }

    public static void main(String[] args) throws Exception {
        Witness witness = new Witness(new Cosigner(SignerKey.parse(args[1]), Clock.systemUTC()),
                List.of(KnownLog.parse(args[2])), Path.of(args[0]));
        WitnessServer server = WitnessServer.start(witness, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "");
        System.out.println(server.address().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
