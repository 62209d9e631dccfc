package org.smolny.record.store;

import java.io.PrintStream;
import java.nio.file.Path;
import org.smolny.record.json.Entry;

/**
 * Child process of {@link KillTest}: appends from 32 threads as fast as it can and prints {@code ACK index writer n}
 * for every append the store acknowledged, until it is killed.
 */
public final class AppendUnderLoad {

    private AppendUnderLoad() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        RecordStore store = RecordStore.open(StoreConfig.sqlite(Path.of(args[0])));
        for (int w = 0; w < 32; w++) {
            int writer = w;
            Thread.ofPlatform().start(() -> {
                for (long n = 0; ; n++) {
                    Appended appended = store.append(entry(writer, n)).join();
                    synchronized (out) {
                        out.println("ACK " + appended.index() + " " + writer + " " + n);
                        out.flush();
                    }
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    static Entry entry(int writer, long n) {
        return Entry.parse("{\"v\":1,\"type\":\"load.appended\",\"body\":{\"writer\":" + writer + ",\"n\":" + n + "}}");
    }
}
