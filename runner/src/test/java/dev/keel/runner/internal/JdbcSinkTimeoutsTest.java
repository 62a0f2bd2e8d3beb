package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.project.ProjectState;
import dev.keel.runner.sql.Step;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The session's timeouts are sent once for a run of migrations, and again after a statement that may have
 * changed them: the next migration always runs under the configured ones.
 */
class JdbcSinkTimeoutsTest {
    private static final MigrationSpec MIGRATION = new MigrationSpec(new MigrationKey("app", "0001_x"), List.of(),
            List.of(), true, false, false, List.of(), null);

    private static String show(Connection c, String setting) throws SQLException {
        try (var st = c.createStatement(); var r = st.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void run(JdbcSink sink, String sql) throws Exception {
        sink.run(MIGRATION, new ScriptStep("Run SQL", new Step.Sql(sql), ProjectState.EMPTY), 0, 1);
    }

    @Test
    void timeoutsChangedByAStatementAreSetAgain() throws Exception {
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            var sink = new JdbcSink(c, null);
            sink.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertEquals("2s", show(c, "lock_timeout"));

            run(sink, "SET lock_timeout = '7ms'");
            assertEquals("7ms", show(c, "lock_timeout"));
            sink.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertEquals("2s", show(c, "lock_timeout"), "a statement naming a timeout makes the sink set them again");

            run(sink, "RESET ALL");
            sink.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertEquals("2s", show(c, "lock_timeout"));
            assertEquals("5s", show(c, "statement_timeout"));

            sink.timeouts(Duration.ofSeconds(2), null);
            assertEquals("0", show(c, "statement_timeout"), "other values are always sent");
        }
    }

    @Test
    void unchangedTimeoutsAreNotSentAgain() throws Exception {
        try (var db = TestPostgres.freshDatabase(); Connection c = db.connect()) {
            var sink = new JdbcSink(c, null);
            sink.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
            run(sink, "CREATE TABLE t (id bigint)");
            // changed behind the sink's back by something that is not a step: the sink does not look again
            try (var st = c.createStatement()) {
                st.execute("SET lock_timeout = '9ms'");
            }
            sink.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertEquals("9ms", show(c, "lock_timeout"), "the same timeouts after plain DDL cost no round trip");
        }
    }
}
