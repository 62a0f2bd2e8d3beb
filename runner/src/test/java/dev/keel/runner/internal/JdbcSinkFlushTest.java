package dev.keel.runner.internal;

import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deferred flushing on PostgreSQL: commits stop waiting for the disk, and flush() waits for all of them once. */
class JdbcSinkFlushTest {
    static String show(Connection c, String setting) throws SQLException {
        try (var st = c.createStatement(); var r = st.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * A connection whose session starts with synchronous_commit = local, not the test server's off, so that "as before"
     * cannot hold by chance when keel leaves the session at off.
     */
    static Connection localCommits(dev.keel.runner.testing.TestDatabase db) throws SQLException {
        try (Connection admin = db.connect(); var st = admin.createStatement()) {
            st.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = local', current_database()); END $$");
        }
        return db.connect();
    }

    private static boolean flushedUpTo(Connection c, String lsn) throws SQLException {
        try (var st = c.createStatement();
             var r = st.executeQuery("SELECT pg_current_wal_flush_lsn() >= '" + lsn + "'::pg_lsn")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    @Test
    void deferredCommitsAreFlushedOnceAtTheEndAndTheSessionIsAsBefore() throws Exception {
        try (var db = TestPostgres.freshDatabase(); Connection c = localCommits(db)) {
            String before = show(c, "synchronous_commit");
            assertEquals("local", before);
            var sink = new JdbcSink(c, null);
            sink.deferFlushes();
            assertEquals("off", show(c, "synchronous_commit"));

            sink.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertEquals("2s", show(c, "lock_timeout"));
            assertEquals("5s", show(c, "statement_timeout"));
            String lsn = null;
            for (int i = 0; i < 3; i++) {
                sink.begin();
                try (var st = c.createStatement()) {
                    st.execute("CREATE TABLE t" + i + " (id bigint)");
                    var r = st.executeQuery("SELECT pg_current_wal_insert_lsn()");
                    r.next();
                    lsn = r.getString(1);
                }
                sink.commit();
            }
            sink.flush();

            assertTrue(flushedUpTo(c, lsn), "everything committed before flush() is on disk");
            assertEquals(before, show(c, "synchronous_commit"));
            assertTrue(c.getAutoCommit());
        }
    }

    /**
     * The flush waits as a commit at {@code on} does, or as one at {@code remote_apply} when that was the session's own
     * setting (standbys that show the run's changes): never for less than the session would have, whether the setting
     * came from the database's defaults or from a SET on the session (a pool's connection, the API's runner).
     */
    @Test
    void theFlushCommitsAtOnOrAtTheSessionsRemoteApply() throws Exception {
        var expected = new java.util.LinkedHashMap<String, String>();
        expected.put("off", "on");
        expected.put("local", "on");
        expected.put("remote_write", "on");
        expected.put("on", "on");
        expected.put("remote_apply", "remote_apply");
        for (var e : expected.entrySet()) {
            try (var db = TestPostgres.freshDatabase()) {
                try (Connection admin = db.connect(); var st = admin.createStatement()) {
                    st.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = " + e.getKey()
                            + "', current_database()); END $$");
                }
                try (Connection c = db.connect()) {
                    var sink = new JdbcSink(c, null);
                    sink.deferFlushes();
                    assertEquals("off", show(c, "synchronous_commit"));
                    sink.begin();
                    try (var st = c.createStatement()) {
                        st.execute("CREATE TABLE t (id bigint)");
                    }
                    sink.commit();
                    assertEquals(e.getValue(), sink.flush(), "a session at " + e.getKey());
                    assertEquals(e.getKey(), show(c, "synchronous_commit"));
                }
            }
            try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
                try (var st = c.createStatement()) {
                    st.execute("SET synchronous_commit = " + e.getKey()); // the session's own, as a pool's connection may have
                }
                var sink = new JdbcSink(c, null);
                sink.deferFlushes();
                assertEquals(e.getValue(), sink.flush(), "a session SET to " + e.getKey());
            }
        }
    }
}
