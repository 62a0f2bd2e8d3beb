package dev.keel.runner.internal.data;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.state.Column;

/**
 * The SQL of a keyset walk over one table: each batch is the next {@code size} keys after the last
 * one done ({@code WHERE key > last ORDER BY key LIMIT size}), found through the primary key's
 * index, never by {@code OFFSET}. The last key travels as text and is cast back to the key's type.
 */
final class BatchSql {
    private final StateTable table;
    private final String key;
    private final String keyType;
    private final int size;

    private BatchSql(StateTable table, String key, String keyType, int size) {
        this.table = table;
        this.key = key;
        this.keyType = keyType;
        this.size = size;
    }

    /**
     * The walk of {@code table} in batches of {@code size}.
     *
     * @param where what is asking, for messages
     * @throws KeelException of kind INVALID_OPERATION when the table has no single-column primary key
     */
    static BatchSql of(StateTable table, int size, String where) {
        var pk = table.table().primaryKey();
        if (pk == null || pk.columns().size() != 1) {
            throw new KeelException(ErrorKind.INVALID_OPERATION, where + ": batches walk a table by a single-column"
                    + " primary key, and " + table + (pk == null ? " has no primary key"
                    : " has the composite key (" + String.join(", ", pk.columns()) + ")") + " at this point.\n"
                    + "To fix: run this change as one statement with runSql if the table is small, or walk a table"
                    + " that has a single-column key (a parent table) and change the rows of each parent's batch.");
        }
        Column column = table.table().findColumn(pk.columns().get(0)).orElseThrow();
        return new BatchSql(table, table.alias() + "." + dev.keel.runner.sql.Identifiers.quote(column.name()),
                column.type(), size);
    }

    /** The key column, qualified by the table's name: {@code post.id}. */
    String key() {
        return key;
    }

    private String batch(boolean first) {
        return "keel_batch AS (SELECT " + key + " AS keel_key FROM " + table.name()
                + (first ? "" : " WHERE " + key + " > CAST(? AS " + keyType + ")")
                + " ORDER BY " + key + " LIMIT " + size + ")";
    }

    /**
     * One batch of {@code UPDATE ... SET assignments}: one statement, one parameter (the last key)
     * unless {@code first}. The batch's keys give its range, and the update takes the rows by that
     * range ({@code key BETWEEN first AND last}), an index range scan whatever the batch size, never a
     * join that walks the table from its start. Its one row: keys walked, the last key as text, rows changed.
     * The batch's first and last keys are taken by ORDER BY, not min/max: a key type may have an order
     * (a btree operator class) and no min/max aggregate, as uuid has none.
     */
    String update(String assignments, String condition, boolean first) {
        return "WITH " + batch(first) + ",\n"
                + "keel_range AS (SELECT (SELECT count(*) FROM keel_batch) AS keel_rows,"
                + " (SELECT keel_key FROM keel_batch ORDER BY keel_key LIMIT 1) AS keel_first,"
                + " (SELECT keel_key FROM keel_batch ORDER BY keel_key DESC LIMIT 1) AS keel_last),\n"
                + "keel_changed AS (UPDATE " + table.name() + " SET " + assignments + " FROM keel_range WHERE "
                + key + " BETWEEN keel_range.keel_first AND keel_range.keel_last"
                + (condition == null ? "" : " AND (" + condition + ")") + " RETURNING 1)\n"
                + "SELECT keel_rows, keel_last::text, (SELECT count(*) FROM keel_changed) FROM keel_range";
    }

    /** The keys of one batch: count, first key, last key, last key as text. */
    String keys(boolean first) {
        return "WITH " + batch(first) + "\n"
                + "SELECT (SELECT count(*) FROM keel_batch),"
                + " (SELECT keel_key FROM keel_batch ORDER BY keel_key LIMIT 1),"
                + " (SELECT keel_key FROM keel_batch ORDER BY keel_key DESC LIMIT 1),"
                + " (SELECT b.keel_key::text FROM keel_batch b ORDER BY b.keel_key DESC LIMIT 1)";
    }

    /** The rows of one batch (two parameters), and of {@code condition} when there is one. */
    String range(String condition) {
        return key + " BETWEEN ? AND ?" + (condition == null ? "" : " AND (" + condition + ")");
    }

    /** Whether {@code table} has a single-column primary key to walk by. */
    static boolean hasKey(StateTable table) {
        var pk = table.table().primaryKey();
        return pk != null && pk.columns().size() == 1;
    }

    /** Pages of a table without a key that one batch covers. */
    static final int PAGES_PER_BATCH = 10;

    /** The pages of the table now (one row, one column). */
    static String pages(StateTable table) {
        return "SELECT pg_relation_size(" + regclass(table) + ") / current_setting('block_size')::bigint";
    }

    /**
     * One batch by pages of a table without a key: {@code UPDATE ... SET assignments} on the rows of
     * {@value #PAGES_PER_BATCH} pages from the page given as every parameter (a TID range scan). Its one row: the
     * rows in those pages, the rows changed.
     */
    static String pageUpdate(StateTable table, String assignments, String condition) {
        String range = "ctid >= format('(%s,0)', CAST(? AS bigint))::tid AND ctid < format('(%s,0)', CAST(? AS bigint) + "
                + PAGES_PER_BATCH + ")::tid";
        return "WITH keel_changed AS (UPDATE " + table.name() + " SET " + assignments + " WHERE " + range
                + (condition == null ? "" : " AND (" + condition + ")") + " RETURNING 1)\n"
                + "SELECT (SELECT count(*) FROM " + table.name() + " WHERE " + range + "), (SELECT count(*) FROM keel_changed)";
    }

    private static String regclass(StateTable table) {
        return "to_regclass('" + table.name().replace("'", "''") + "')";
    }

    /** The estimated rows of the table: the planner's statistics, or a count when it has none yet. */
    static String estimate(StateTable table) {
        return "SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint ELSE (SELECT count(*) FROM "
                + table.name() + ") END FROM pg_class c WHERE c.oid = to_regclass('" + table.name().replace("'", "''") + "')";
    }
}
