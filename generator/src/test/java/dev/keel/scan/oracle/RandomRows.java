package dev.keel.scan.oracle;

import dev.keel.runner.catalog.Catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows for the tables of a random project, so that the next edit's migrations run on tables with data, as they do
 * in production: each table gets a few rows with a value of its type in every column (identity and defaulted
 * columns left to the database, foreign keys pointing at a row of their target), tried again with the nullable
 * columns left NULL, then with small numbers and enum names in the columns a check names (enums) where a value does not fit. A row that still
 * does not fit (a check it cannot guess, a foreign key to an empty table) is left out. Also fills the NULLs of a
 * column about to become NOT NULL, as the team's data migration would (docs/safety.md: the validation "fails on
 * existing NULLs until a data migration fills them").
 */
final class RandomRows {
    private final Connection connection;
    private int counter;

    RandomRows(Connection connection, int start) {
        this.connection = connection;
        this.counter = start;
    }

    /** Inserts up to {@code rows} rows into every table; referenced tables get theirs first when they can. */
    int seed(Catalog catalog, int rows) {
        var done = new HashMap<String, Integer>();
        int inserted = 0;
        for (int pass = 0; pass < 3; pass++) {
            for (Catalog.TableDef t : catalog.tables().values()) {
                while (done.getOrDefault(t.name(), 0) < rows && insert(t)) {
                    done.merge(t.name(), 1, Integer::sum);
                    inserted++;
                }
            }
        }
        return inserted;
    }

    private boolean insert(Catalog.TableDef t) {
        int n = ++counter;
        for (int attempt = 0; attempt < 3; attempt++) {
            var columns = new ArrayList<String>();
            var values = new ArrayList<String>();
            Map<String, String> references = references(t);
            for (Catalog.ColumnDef c : t.columns().values()) {
                if (c.identity() != dev.keel.state.Identity.NONE || c.defaultSql() != null) {
                    continue;
                }
                String value = references.containsKey(c.name()) ? references.get(c.name())
                        : attempt > 0 && !c.notNull() ? null : value(c.type(), n, attempt == 2 && checked(t, c.name()));
                if (value != null) {
                    columns.add(quote(c.name()));
                    values.add(value);
                }
            }
            String sql = columns.isEmpty() ? "INSERT INTO " + table(t) + " DEFAULT VALUES"
                    : "INSERT INTO " + table(t) + " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values) + ")";
            if (execute(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a check of the table names the column (an enum's: its ordinals or names). */
    private static boolean checked(Catalog.TableDef t, String column) {
        return t.checks().values().stream().anyMatch(k -> k.expression().contains(column));
    }

    /** For each column of a foreign key, the matching column of one row of its target. */
    private static Map<String, String> references(Catalog.TableDef t) {
        var map = new HashMap<String, String>();
        for (Catalog.ForeignKeyDef fk : t.foreignKeys().values()) {
            for (int i = 0; i < fk.columns().size(); i++) {
                map.put(fk.columns().get(i), "(SELECT " + quote(fk.targetColumns().get(i)) + " FROM " + quoteTable(fk.targetTable())
                        + " ORDER BY ctid LIMIT 1)");
            }
        }
        return map;
    }

    /**
     * Fills the NULLs of {@code column}, as the data migration a team deploys before making it NOT NULL: a value of
     * its type per row, a small number first (enum ordinals), then a larger one.
     */
    void fillNulls(String table, String column, String type) throws SQLException {
        for (boolean small : List.of(true, false)) {
            String value = value(type, -1, small);
            if (value != null && execute("UPDATE " + quoteTable(table) + " SET " + quote(column) + " = " + value
                    + " WHERE " + quote(column) + " IS NULL")) {
                return;
            }
        }
        // a unique boolean or enum cannot take one value per row: the team deletes those rows instead
        if (!execute("DELETE FROM " + quoteTable(table) + " WHERE " + quote(column) + " IS NULL")) {
            throw new SQLException("cannot fill the NULLs of " + table + "." + column + " (" + type + ")");
        }
    }

    /**
     * Gives every row of {@code column} its own value, as the team's data migration before a unique key on it (the
     * prompt's default gave every existing row the same one).
     */
    void makeDistinct(String table, String column, String type) throws SQLException {
        String value = value(type, -1, false);
        if (value == null || !execute("UPDATE " + quoteTable(table) + " SET " + quote(column) + " = " + value
                + " WHERE " + quote(column) + " IS NOT NULL")) {
            throw new SQLException("cannot make the values of " + table + "." + column + " (" + type + ") distinct");
        }
    }

    /** A value of the type: number {@code n}, or a random one per row when {@code n} is negative. */
    private static String value(String type, int n, boolean small) {
        String number = n >= 0 ? Integer.toString(n) : "(1000 + floor(random() * 1000000))::int";
        String text = n >= 0 ? "'v" + n + "'" : "left(md5(random()::text), 8)";
        if (small) {
            number = n >= 0 ? Integer.toString(n % 3) : "(floor(random() * 3))::int";
        }
        if (type.endsWith("[]")) {
            return "'{}'"; // an empty array of any element type
        }
        if (type.equals("smallint") || type.equals("tinyint")) {
            return "(" + number + " % 30000)::smallint";
        }
        if (type.equals("integer") || type.equals("bigint") || type.startsWith("numeric") || type.equals("double precision")
                || type.equals("real") || type.startsWith("float") || type.equals("oid")) {
            return number;
        }
        if (type.startsWith("varchar") || type.startsWith("character varying") || type.equals("text")) {
            return small ? "'NEW'" : text;
        }
        if (type.startsWith("character") || type.startsWith("char")) {
            return "'x'";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        if (type.equals("date")) {
            return "DATE '2000-01-01' + " + number;
        }
        if (type.startsWith("timestamp")) {
            return "TIMESTAMP '2000-01-01' + " + number + " * INTERVAL '1 minute'";
        }
        if (type.startsWith("time")) {
            return "TIME '00:00' + " + number + " * INTERVAL '1 second'";
        }
        if (type.equals("uuid")) {
            return "md5(" + (n >= 0 ? "'" + n + "'" : "random()::text") + ")::uuid";
        }
        if (type.equals("bytea")) {
            return "'\\x01'::bytea";
        }
        if (type.equals("jsonb") || type.equals("json")) {
            return n >= 0 ? "jsonb_build_object('v', " + n + ")" : "jsonb_build_object('v', random())";
        }
        return null;
    }

    private boolean execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String table(Catalog.TableDef t) {
        return quoteTable(t.name());
    }

    private static String quoteTable(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
