package dev.keel.safety;

import dev.keel.project.ProjectState;
import dev.keel.runner.catalog.Catalog;
import dev.keel.runner.catalog.CatalogDiff;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.support.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The base shop on a real PostgreSQL, 20,000 rows per table, and what tells whether its data survived. */
final class ShopDatabase {
    /** Rows in each table of the base shop. */
    static final int ROWS = 20_000;

    private ShopDatabase() {}

    /** A fresh database holding {@code state} (the base shop, or more), filled with the base rows. */
    static Db populated(ProjectState state) throws SQLException {
        Db db = Db.fresh();
        db.execute(OperationSql.createAll(state));
        db.execute(statements(read("populate.sql")));
        return db;
    }

    /** The statements of an SQL file of ours: separated by a semicolon at the end of a line. */
    static List<String> statements(String text) {
        var result = new ArrayList<String>();
        for (String s : text.split(";\\s*\\n")) {
            if (!s.isBlank() && !s.strip().startsWith("--")) {
                result.add(s.strip());
            }
        }
        return result;
    }

    private static String read(String name) {
        try {
            return Files.readString(Scenario.BASE.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A digest of the rows of the base tables, over the columns no scenario changes in value. */
    static Map<String, String> fingerprint(Db db) throws SQLException {
        var result = new TreeMap<String, String>();
        result.put("customer", text(db, "SELECT count(*) || ':' || md5(string_agg(id || ',' || email || ',' || coalesce(name, '')"
                + " || ',' || coalesce(status, ''), ';' ORDER BY id)) FROM customer"));
        result.put("orders", text(db, "SELECT count(*) || ':' || md5(string_agg(id || ',' || customer_id || ','"
                + " || coalesce(referrer_id, 0) || ',' || total || ',' || created_at, ';' ORDER BY id)) FROM orders"));
        result.put("wishlist", text(db, "SELECT count(*) || ':' || md5(string_agg(id || ',' || customer_id || ',' || product,"
                + " ';' ORDER BY id)) FROM wishlist"));
        return result;
    }

    /**
     * Each table's file node, by the table's oid (a renamed table keeps it): the
     * file node changes when PostgreSQL rewrites the table.
     */
    static Map<String, Long> fileNodes(Db db) throws SQLException {
        var result = new TreeMap<String, Long>();
        try (var st = db.connection.createStatement(); var r = st.executeQuery(
                "SELECT oid::text, relfilenode FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace")) {
            while (r.next()) {
                result.put(r.getString(1), r.getLong(2));
            }
        }
        return result;
    }

    static String text(Db db, String query) throws SQLException {
        try (var st = db.connection.createStatement(); var r = st.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * Asserts the database holds what {@code state} says: its catalog equals the catalog of {@code state}
     * built from scratch on another database (where PostgreSQL writes check expressions its own way too).
     * Pending columns and tables count: they are still in the database.
     */
    static void assertHolds(Db db, ProjectState state) throws SQLException {
        try (Db scratch = Db.fresh()) {
            Catalog built = Catalog.roundTrip(state, scratch.connection);
            assertEquals(List.of(), CatalogDiff.compare(built, db.catalog()), "database vs the state built from scratch");
        }
    }

    /** Runs checks: a SELECT must return true; any other statement must succeed. */
    static void check(Db db, List<String> checks) throws SQLException {
        for (String sql : checks) {
            if (sql.regionMatches(true, 0, "SELECT", 0, 6)) {
                try (var st = db.connection.createStatement(); var r = st.executeQuery(sql)) {
                    if (!r.next() || !r.getBoolean(1)) {
                        throw new AssertionError("check failed: " + sql);
                    }
                }
            } else {
                db.execute(sql);
            }
        }
    }
}
