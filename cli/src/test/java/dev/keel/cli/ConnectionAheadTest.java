package dev.keel.cli;

import dev.keel.runner.Database;
import dev.keel.runner.FirstSent;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main thread's wait for the first migration's early send ({@link ConnectionAhead#awaitFirstSend}) ends as soon as
 * that send is done or known not to happen, and at the latest after the time it is given.
 */
class ConnectionAheadTest {
    private static final Duration LONG = Duration.ofSeconds(20);

    private static long millisOf(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Database database(TestDatabase db) {
        return new Database(db.url(), db.user(), db.password(), null, "start the test server");
    }

    private static Database nowhere(int port) {
        return new Database("jdbc:postgresql://127.0.0.1:" + port + "/x", "u", null, null, "nothing listens there");
    }

    @Test
    void noDatabaseEndsTheWaitAtOnce() {
        try (ConnectionAhead ahead = ConnectionAhead.resolving(() -> null)) {
            assertTrue(millisOf(() -> ahead.awaitFirstSend(LONG)) < 5_000);
        }
    }

    @Test
    void nothingKeptToSendEndsTheWaitWithoutTheConnection() throws Exception {
        try (TestDatabase db = TestPostgres.freshDatabase();
             ConnectionAhead ahead = ConnectionAhead.resolving(() ->
                     new ConnectionAhead.Target(database(db), true, CompletableFuture.completedFuture(null)))) {
            assertTrue(millisOf(() -> ahead.awaitFirstSend(LONG)) < 5_000);
            assertNotNull(ahead.take());
        }
    }

    @Test
    void aConnectionThatFailsEndsTheWait() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        var kept = new CompletableFuture<FirstSent>(); // read later than the connection fails
        try (ConnectionAhead ahead = ConnectionAhead.resolving(() -> new ConnectionAhead.Target(
                nowhere(port), true, kept))) {
            assertTrue(millisOf(() -> ahead.awaitFirstSend(LONG)) < 15_000);
        }
    }

    @Test
    void theWaitIsBounded() {
        try (ConnectionAhead ahead = ConnectionAhead.resolving(() -> {
            try {
                Thread.sleep(3_000); // keel.json read very slowly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        })) {
            long waited = millisOf(() -> ahead.awaitFirstSend(Duration.ofMillis(200)));
            assertTrue(waited >= 190 && waited < 2_500, waited + " ms");
        }
    }

    @Test
    void onlyFewProcessorsAreLeftToTheConnection() {
        assertTrue(ConnectionAhead.yieldsProcessors(1));
        assertTrue(ConnectionAhead.yieldsProcessors(2));
        assertTrue(ConnectionAhead.yieldsProcessors(3));
        assertFalse(ConnectionAhead.yieldsProcessors(4));
        assertFalse(ConnectionAhead.yieldsProcessors(16));
    }
}
