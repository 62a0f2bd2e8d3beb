package dev.keel.runner.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows tables hold, as the catalog estimates them, read without taking any lock (so that a table
 * another session holds locked does not make {@code migrate} wait before it starts).
 *
 * <p>The estimate of a table is the larger of {@code pg_class.reltuples}, the count the last
 * {@code VACUUM} or {@code ANALYZE} left (-1 on PostgreSQL 14 and later, 0 before, when neither ever ran),
 * and {@code pg_stat_all_tables.n_live_tup}, the live rows the statistics system counts from every committed
 * insert and delete (it knows a table nobody analyzed yet, and is reset after a crash, which
 * {@code reltuples} is not). A partitioned or inheritance parent counts the rows of its children as well;
 * an index counts as its table.
 */
public final class TableSizes {
    /** One table as the catalog has it: {@code schema}.{@code name}, {@code rows} estimated. */
    public record Size(String schema, String name, long rows) {
        /** {@code schema.name}, quoted where PostgreSQL needs it. */
        public String display() {
            return quote(schema) + "." + quote(name);
        }

        private static String quote(String ident) {
            return ident.matches("[a-z_][a-z0-9_$]*") ? ident : "\"" + ident.replace("\"", "\"\"") + "\"";
        }
    }

    private static final String QUERY = """
            WITH RECURSIVE asked AS (
                SELECT a.written, CASE WHEN r.relkind IN ('i', 'I') THEN i.indrelid ELSE r.oid END AS root
                FROM unnest(?::text[]) AS a(written)
                JOIN pg_class r ON r.oid = to_regclass(a.written)
                LEFT JOIN pg_index i ON i.indexrelid = r.oid),
            tree AS (
                SELECT written, root, root AS rel FROM asked
                UNION ALL
                SELECT tree.written, tree.root, h.inhrelid FROM tree JOIN pg_inherits h ON h.inhparent = tree.rel)
            SELECT tree.written, n.nspname, c.relname,
                   sum(greatest(t.reltuples::bigint, coalesce(s.n_live_tup, 0), 0))::bigint AS rows
            FROM tree
            JOIN pg_class c ON c.oid = tree.root
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class t ON t.oid = tree.rel
            LEFT JOIN pg_stat_all_tables s ON s.relid = tree.rel
            GROUP BY tree.written, n.nspname, c.relname""";

    private TableSizes() {}

    /**
     * The size of each relation of {@code written} (names as statements write them: {@code post},
     * {@code "Sales".orders}, an index) that exists, resolved as the statements would be (the search path).
     */
    public static Map<String, Size> read(Connection connection, Collection<String> written) throws SQLException {
        var out = new LinkedHashMap<String, Size>();
        if (written.isEmpty()) {
            return out;
        }
        try (var st = connection.prepareStatement(QUERY)) {
            st.setArray(1, connection.createArrayOf("text", written.toArray()));
            try (var r = st.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), new Size(r.getString(2), r.getString(3), r.getLong(4)));
                }
            }
        }
        return out;
    }

    /**
     * Which of {@code written} resolve to a relation the open transaction created (its row in {@code pg_class} written by
     * this transaction), as {@link #read} would resolve them now; empty when one of those names might have resolved
     * to another relation before the transaction created its own (another relation of that name in a schema of the
     * search path, which the new one may hide).
     */
    static java.util.Optional<java.util.Set<String>> createdHere(Connection connection, Collection<String> written)
            throws SQLException {
        var out = new java.util.HashSet<String>();
        if (written.isEmpty()) {
            return java.util.Optional.of(out);
        }
        try (var st = connection.prepareStatement("""
                SELECT a.written,
                       EXISTS (SELECT 1 FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
                               WHERE o.relname = r.relname AND o.oid <> r.oid AND n.nspname = ANY (current_schemas(true)))
                FROM unnest(?::text[]) AS a(written)
                JOIN pg_class r ON r.oid = to_regclass(a.written)
                WHERE r.xmin::text::bigint = txid_current_if_assigned() % 4294967296""")) {
            st.setArray(1, connection.createArrayOf("text", written.toArray()));
            try (var r = st.executeQuery()) {
                while (r.next()) {
                    if (r.getBoolean(2)) {
                        return java.util.Optional.empty();
                    }
                    out.add(r.getString(1));
                }
            }
        }
        return java.util.Optional.of(out);
    }

    /**
     * {@link #read}, on a connection whose open transaction created relations and touched no other (a migration
     * {@link EarlyStart} holds): the sizes as {@link #read} would have read them before that transaction, the relations
     * it created being absent then; empty when that cannot be told ({@link #createdHere}).
     */
    public static java.util.Optional<Map<String, Size>> readBefore(Connection connection, Collection<String> written)
            throws SQLException {
        java.util.Optional<java.util.Set<String>> created = createdHere(connection, written);
        if (created.isEmpty()) {
            return java.util.Optional.empty();
        }
        var existing = new java.util.ArrayList<String>(written);
        existing.removeAll(created.get());
        return java.util.Optional.of(read(connection, existing));
    }
}
