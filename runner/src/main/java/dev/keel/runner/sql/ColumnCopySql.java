package dev.keel.runner.sql;

import dev.keel.state.Column;
import dev.keel.state.Table;

/**
 * The SQL of {@code CopyColumn}: {@code column = expression} for the rows where the column is still null and
 * the expression is not. keel runs it in batches itself (the keyset backfill); this gives the same change as
 * one statement, and as the {@code DO} block {@code sqlmigrate} prints (the batch loop, a {@code COMMIT} per
 * batch: run it outside a transaction). Pure.
 */
public final class ColumnCopySql {
    /** Rows per batch of the printed loop, as keel's backfill. */
    static final int BATCH = 1000;
    /** Pages per batch of the printed loop over a table without a single-column primary key. */
    static final int PAGES = 100;

    private ColumnCopySql() {}

    /** What keel sets: {@code "nickname" = nick}. */
    public static String assignment(String column, String expression) {
        return Identifiers.quote(column) + " = " + expression;
    }

    /** Which rows a batch changes: {@code "nickname" IS NULL AND (nick) IS NOT NULL}. */
    public static String condition(String column, String expression) {
        return Identifiers.quote(column) + " IS NULL AND (" + expression + ") IS NOT NULL";
    }

    /** The step of {@code CopyColumn} on table {@code t}. */
    static Step.Backfill step(Table t, String model, String column, String expression) {
        String table = Ddl.table(t);
        String update = "UPDATE " + table + " SET " + assignment(column, expression) + " WHERE " + condition(column, expression);
        return new Step.Backfill(model, column, expression, update, script(t, column, expression));
    }

    private static String script(Table t, String column, String expression) {
        String table = Ddl.table(t);
        var pk = t.primaryKey();
        String body;
        if (pk != null && pk.columns().size() == 1) {
            Column key = t.findColumn(pk.columns().get(0)).orElseThrow();
            String k = Identifiers.quote(key.name());
            body = "\nDECLARE\n"
                    + "  keel_last " + key.type() + ";\n"
                    + "  keel_next " + key.type() + ";\n"
                    + "BEGIN\n"
                    + "  LOOP\n"
                    // the batch's last key by ORDER BY, not max(): uuid and other ordered types have no max aggregate
                    + "    SELECT keel_key INTO keel_next FROM (SELECT " + k + " AS keel_key FROM " + table
                    + " WHERE keel_last IS NULL OR " + k + " > keel_last ORDER BY " + k + " LIMIT " + BATCH
                    + ") AS keel_batch ORDER BY keel_key DESC LIMIT 1;\n"
                    + "    EXIT WHEN keel_next IS NULL;\n"
                    + "    UPDATE " + table + " SET " + assignment(column, expression)
                    + " WHERE (keel_last IS NULL OR " + k + " > keel_last) AND " + k + " <= keel_next AND "
                    + condition(column, expression) + ";\n"
                    + "    keel_last := keel_next;\n"
                    + "    COMMIT;\n"
                    + "  END LOOP;\n"
                    + "END\n";
        } else {
            String regclass = Identifiers.literal(table);
            body = "\nDECLARE\n"
                    + "  keel_page bigint := 0;\n"
                    + "  keel_pages bigint := pg_relation_size(" + regclass + "::regclass) / current_setting('block_size')::bigint;\n"
                    + "BEGIN\n"
                    + "  WHILE keel_page <= keel_pages LOOP\n"
                    + "    UPDATE " + table + " SET " + assignment(column, expression)
                    + " WHERE ctid >= format('(%s,0)', keel_page)::tid AND ctid < format('(%s,0)', keel_page + " + PAGES
                    + ")::tid AND " + condition(column, expression) + ";\n"
                    + "    keel_page := keel_page + " + PAGES + ";\n"
                    + "    COMMIT;\n"
                    + "  END LOOP;\n"
                    + "END\n";
        }
        String tag = ColumnSyncSql.dollarTag(body);
        return "-- CopyColumn: keel runs this in batches of its own, resumable (keel_backfill); the same as:\n"
                + "DO " + tag + body + tag + ";";
    }
}
