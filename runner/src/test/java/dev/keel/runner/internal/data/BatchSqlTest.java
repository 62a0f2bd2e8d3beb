package dev.keel.runner.internal.data;

import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static dev.keel.migration.Operations.column;
import static dev.keel.migration.Operations.createModel;
import static dev.keel.migration.Operations.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL of a batch on PostgreSQL: it takes the next keys after the last one through the primary
 * key's index, and updates them by their key range, so a batch costs the same at the end of the
 * table as at its start, whatever its size (no OFFSET, no join that walks the table from the start).
 */
class BatchSqlTest {
    static final ProjectState STATE = StateTransitions.apply(createModel("article", table("article").entity("Article")
            .field("id", column("id", "bigint"))
            .field("body", column("body", "text"))
            .field("wordCount", column("word_count", "integer").nullable())
            .primaryKey("id")), "news", ProjectState.EMPTY);

    @Test
    void aBatchIsAnIndexRangeScanAfterTheLastKeyEvenWhenLarge() throws Exception {
        BatchSql sql = BatchSql.of(StateTable.of(STATE, "news", "article", "test"), 10_000, "test");
        try (TestDatabase db = TestPostgres.freshDatabase(); Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("CREATE TABLE article (id bigint PRIMARY KEY, body text, word_count integer)");
            st.execute("INSERT INTO article (id, body) SELECT n, 'a b' FROM generate_series(1, 200000) n");
            st.execute("VACUUM ANALYZE article");
            String update = sql.update("word_count = 2", "word_count IS NULL", false);
            String plan = explain(c, update, "150000");
            assertFalse(plan.contains("OFFSET") || plan.contains("Seq Scan") || plan.contains("Merge Join")
                    || plan.contains("Hash Join"), plan);
            assertTrue(plan.contains("Index Cond: (id > '150000'::bigint)"), plan);
            assertTrue(plan.contains("Index Cond: ((id >= keel_range"), plan);

            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setString(1, "195000");
                try (ResultSet r = ps.executeQuery()) {
                    r.next();
                    assertEquals(List.of(5000L, "200000", 5000L), List.of(r.getLong(1), r.getString(2), r.getLong(3)));
                }
            }
            try (ResultSet r = st.executeQuery("SELECT min(id), max(id), count(*) FROM article WHERE word_count = 2")) {
                r.next();
                assertEquals(List.of(195001L, 200000L, 5000L), List.of(r.getLong(1), r.getLong(2), r.getLong(3)));
            }
            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setString(1, "200000");
                try (ResultSet r = ps.executeQuery()) {
                    r.next();
                    assertEquals(0L, r.getLong(1), "after the last key: an empty batch");
                    assertEquals(null, r.getString(2));
                }
            }
        }
    }

    private static String explain(Connection c, String sql, String last) throws Exception {
        var lines = new ArrayList<String>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql.replace("CAST(? AS bigint)", "CAST('" + last + "' AS bigint)"));
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
