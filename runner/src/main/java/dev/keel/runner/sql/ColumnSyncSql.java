package dev.keel.runner.sql;

import dev.keel.state.PendingSync;

import java.util.List;

/**
 * The SQL of a column sync ({@code AddColumnSync}): a PL/pgSQL function and a {@code BEFORE INSERT OR UPDATE}
 * row trigger that fill whichever of the two columns a write left out. Pure.
 *
 * <pre>
 * INSERT: source not null             → column := forward
 *         else column not null        → source := backward
 * UPDATE: source changed              → column := forward
 *         else column changed, and not to forward(source) → source := backward
 * </pre>
 *
 * The old column wins when a write changes both; a backfill that sets {@code column := forward} leaves the
 * source alone. Each expression is evaluated with its one column bound to NEW's value
 * ({@code (SELECT expr FROM (SELECT NEW."nick") AS keel_row("nick"))}), so it reads the names it was written with.
 */
public final class ColumnSyncSql {
    private ColumnSyncSql() {}

    /** The function (schema of the table) as SQL: {@code "keel_sync_user_nickname"}. */
    static String function(PendingSync sync) {
        return Identifiers.qualified(sync.schema(), sync.functionName());
    }

    /** The statements that create the sync: the function, then the trigger. */
    public static List<String> create(PendingSync sync) {
        String src = "NEW." + Identifiers.quote(sync.source());
        String col = "NEW." + Identifiers.quote(sync.column());
        String forward = bound(sync.forward(), sync.source());
        String backward = bound(sync.backward(), sync.column());
        String body = "\n#variable_conflict use_column\nBEGIN\n"
                + "  IF TG_OP = 'INSERT' THEN\n"
                + "    IF " + src + " IS NOT NULL THEN\n"
                + "      " + col + " := " + forward + ";\n"
                + "    ELSIF " + col + " IS NOT NULL THEN\n"
                + "      " + src + " := " + backward + ";\n"
                + "    END IF;\n"
                + "  ELSIF " + src + " IS DISTINCT FROM OLD." + Identifiers.quote(sync.source()) + " THEN\n"
                + "    " + col + " := " + forward + ";\n"
                + "  ELSIF " + col + " IS DISTINCT FROM OLD." + Identifiers.quote(sync.column())
                + " AND " + col + " IS DISTINCT FROM " + forward + " THEN\n"
                + "    " + src + " := " + backward + ";\n"
                + "  END IF;\n"
                + "  RETURN NEW;\n"
                + "END\n";
        String tag = dollarTag(body);
        return List.of(
                "CREATE OR REPLACE FUNCTION " + function(sync) + "() RETURNS trigger LANGUAGE plpgsql AS " + tag + body + tag,
                "CREATE TRIGGER " + Identifiers.quote(sync.triggerName()) + " BEFORE INSERT OR UPDATE ON "
                        + Identifiers.qualified(sync.table()) + " FOR EACH ROW EXECUTE FUNCTION " + function(sync) + "()");
    }

    /** The statements that drop the sync: the trigger, then its function. */
    public static List<String> drop(PendingSync sync) {
        return List.of(
                "DROP TRIGGER IF EXISTS " + Identifiers.quote(sync.triggerName()) + " ON " + Identifiers.qualified(sync.table()),
                "DROP FUNCTION IF EXISTS " + function(sync) + "()");
    }

    /**
     * The statements that follow the sync's function when its table is renamed or moved to another schema
     * (the trigger goes with the table; the function is named after it).
     */
    static List<String> moved(PendingSync before, PendingSync after) {
        var result = new java.util.ArrayList<String>();
        String current = function(before);
        if (!before.functionName().equals(after.functionName())) {
            result.add("ALTER FUNCTION " + current + "() RENAME TO " + Identifiers.quote(after.functionName()));
            current = Identifiers.qualified(before.schema(), after.functionName());
        }
        String from = before.schema() == null ? Identifiers.DEFAULT_SCHEMA : before.schema();
        String to = after.schema() == null ? Identifiers.DEFAULT_SCHEMA : after.schema();
        if (!from.equals(to)) {
            result.add("ALTER FUNCTION " + current + "() SET SCHEMA " + Identifiers.quote(to));
        }
        return result;
    }

    /** {@code expression} evaluated with {@code column} bound to NEW's value of it. */
    private static String bound(String expression, String column) {
        String c = Identifiers.quote(column);
        return "(SELECT " + expression + " FROM (SELECT NEW." + c + ") AS keel_row(" + c + "))";
    }

    /** A dollar-quote tag that does not occur in {@code body}. */
    static String dollarTag(String body) {
        String tag = "$keel$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$keel" + i + "$";
        }
        return tag;
    }
}
