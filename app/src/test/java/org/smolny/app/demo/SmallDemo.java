package org.smolny.app.demo;

import java.nio.file.Path;
import java.util.Map;
import org.smolny.app.config.ListenAddress;
import org.smolny.app.config.SmolnyConfig;
import org.smolny.app.serve.RecordServer;

/**
 * The demo as the tests start it: under {@code folder/smolny-data}, on a free port, and small (5 regions of one branch
 * of 16 members) to keep the suite fast; the full size is the same code.
 */
final class SmallDemo {

    private SmallDemo() {
    }

    static SmolnyConfig config(Path folder) {
        return SmolnyConfig.load(folder.resolve("smolny-data"), Map.of())
                .withListen(new ListenAddress("127.0.0.1", 0))
                .withOrganisation(DemoSeeder.NAME);
    }

    static RecordServer start(Path folder) throws Exception {
        SmolnyConfig config = config(folder);
        return DemoCommand.start(config, new DemoSeeder(config.dataDirectory(), 1, 16));
    }
}
