package dev.keel.runner.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestPostgresTest {
    private static long count(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void eachDatabaseIsFreshEmptyAndSeparate() throws SQLException {
        try (TestDatabase a = TestPostgres.freshDatabase(); TestDatabase b = TestPostgres.freshDatabase();
             Connection ca = a.connect(); Connection cb = b.dataSource().getConnection()) {
            assertNotEquals(a.name(), b.name());
            assertEquals(0, count(ca, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public'"));
            try (var st = ca.createStatement()) {
                st.execute("CREATE TABLE only_in_a (id int)");
            }
            assertEquals(0, count(cb, "SELECT count(*) FROM pg_class WHERE relname = 'only_in_a'"));
            assertTrue(ca.getAutoCommit());
        }
    }

    @Test
    void closingDropsTheDatabase() throws SQLException {
        TestDatabase db = TestPostgres.freshDatabase();
        Connection open = db.connect();
        db.close();
        assertTrue(open.isClosed() || !open.isValid(2), "an open connection is ended by the drop");
        assertThrows(SQLException.class, db::connect);
    }
}
