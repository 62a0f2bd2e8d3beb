package dev.keel.runner.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

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
    void anExternalServerComesFromTheEnvironment() {
        assertEquals(null, TestPostgres.external(Map.of()));
        var s = TestPostgres.external(Map.of(TestPostgres.URL_ENV, "jdbc:postgresql://db:5433/admin?sslmode=disable",
                "KEEL_TEST_DB_PASSWORD", "secret"));
        assertEquals("jdbc:postgresql://db:5433/keel_test_1?sslmode=disable", s.url("keel_test_1"));
        assertEquals("admin", s.adminDatabase());
        assertEquals("postgres", s.user());
        assertEquals("secret", s.password());
        assertEquals("postgres", TestPostgres.external(Map.of(TestPostgres.URL_ENV, "jdbc:postgresql://db")).adminDatabase());
        assertThrows(IllegalStateException.class, () -> TestPostgres.external(Map.of(TestPostgres.URL_ENV, "postgres://db")));
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
