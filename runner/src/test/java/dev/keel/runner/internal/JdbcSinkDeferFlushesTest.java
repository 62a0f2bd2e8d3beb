package dev.keel.runner.internal;

import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first migration's session set-up in one round trip ({@link JdbcSink#deferFlushes(List, Duration, Duration)}):
 * commits stop waiting for the disk, the settings that end idle transactions are read, and the timeouts are set; when
 * the timeouts cannot be set, none of it took effect in that round trip, the rest is done alone and the timeouts fail
 * where they did before (as the migration's failure); the flush at the end puts the session back in one round trip.
 */
class JdbcSinkDeferFlushesTest {
    @Test
    void theCommitSettingTheSessionEndersAndTheTimeoutsGoTogether() throws Exception {
        try (var db = TestPostgres.freshDatabase(); Connection c = JdbcSinkFlushTest.localCommits(db)) {
            String before = JdbcSinkFlushTest.show(c, "synchronous_commit");
            assertEquals("local", before);
            try (var st = c.createStatement()) {
                st.execute("SET idle_in_transaction_session_timeout = '7s'");
            }
            var sink = new JdbcSink(c, null);
            List<String> values = sink.deferFlushes(EarlyStart.SESSION_ENDERS, Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertEquals("7s", values.get(0));
            assertEquals("off", JdbcSinkFlushTest.show(c, "synchronous_commit"));
            assertEquals("2s", JdbcSinkFlushTest.show(c, "lock_timeout"));
            assertEquals("5s", JdbcSinkFlushTest.show(c, "statement_timeout"));
            sink.flush();
            assertEquals(before, JdbcSinkFlushTest.show(c, "synchronous_commit"));
            assertEquals("2s", JdbcSinkFlushTest.show(c, "lock_timeout"));
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void timeoutsThatCannotBeSetFailWhereTheyDidBefore() throws Exception {
        try (var db = TestPostgres.freshDatabase(); Connection c = JdbcSinkFlushTest.localCommits(db)) {
            String before = JdbcSinkFlushTest.show(c, "synchronous_commit");
            assertEquals("local", before);
            var sink = new JdbcSink(c, null);
            sink.keepWatching(List.of("tcp_keepalives_idle=not a number")); // sent again with every change of the timeouts
            List<String> values = sink.deferFlushes(EarlyStart.SESSION_ENDERS, Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertEquals(EarlyStart.SESSION_ENDERS.size(), values.size());
            assertEquals("off", JdbcSinkFlushTest.show(c, "synchronous_commit"));
            assertEquals("0", JdbcSinkFlushTest.show(c, "lock_timeout")); // not set: the round trip that would have set them failed whole
            assertThrows(SQLException.class, () -> sink.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
            sink.flush();
            assertEquals(before, JdbcSinkFlushTest.show(c, "synchronous_commit"));
            assertTrue(c.getAutoCommit());
        }
    }
}
