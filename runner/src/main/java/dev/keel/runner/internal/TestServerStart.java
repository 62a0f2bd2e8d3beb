package dev.keel.runner.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.time.Duration;

/**
 * Starts an embedded PostgreSQL for tests (keel's own and the migration test harness): durability off
 * (fsync, full-page writes, synchronous commit), as a server whose data is thrown away or rebuilt can
 * afford, and stopped when the JVM exits.
 */
public final class TestServerStart {
    private TestServerStart() {}

    /** Starts {@code builder}'s server tuned for tests; {@code name} names the thread that stops it. */
    public static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, String name) throws IOException {
        EmbeddedPostgres pg = builder
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException ignored) {
                // the JVM is exiting; nothing more to do
            }
        }, name));
        return pg;
    }
}
