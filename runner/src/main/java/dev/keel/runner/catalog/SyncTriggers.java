package dev.keel.runner.catalog;

import dev.keel.project.ProjectState;
import dev.keel.state.PendingSync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The triggers that keep a renamed or retyped column in step with the old one until the contract
 * ({@code AddColumnSync}, {@link PendingSync}): each must be on its table, enabled, with its function, while the
 * applied migrations hold the sync; a {@code keel_sync_} trigger they do not hold is left over. A missing or disabled
 * sync trigger lets the old code's writes leave the new column empty (and the new code's the old one), so
 * {@code keel check-db} lists it with the other differences. Tables in the default schema are named without it, as
 * {@link Catalog#read(Connection)} names them.
 */
public final class SyncTriggers {
    private SyncTriggers() {}

    private record Live(String table, String trigger, boolean enabled) {}

    /** The differences between the sync triggers {@code expected} holds and those of the database, sorted. */
    public static List<String> differences(ProjectState expected, Connection c) throws SQLException {
        String defaultSchema = Catalog.currentSchema(c);
        Map<String, Live> live = new HashMap<>();
        try (var st = c.prepareStatement("SELECT n.nspname, cl.relname, t.tgname, t.tgenabled <> 'D' FROM pg_trigger t"
                + " JOIN pg_class cl ON cl.oid = t.tgrelid JOIN pg_namespace n ON n.oid = cl.relnamespace"
                + " WHERE NOT t.tgisinternal AND t.tgname LIKE 'keel\\_sync\\_%'"); var r = st.executeQuery()) {
            while (r.next()) {
                String table = name(defaultSchema, r.getString(1), r.getString(2));
                live.put(table + " " + r.getString(3), new Live(table, r.getString(3), r.getBoolean(4)));
            }
        }
        Set<String> functions = new HashSet<>();
        try (var st = c.prepareStatement("SELECT n.nspname, p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE p.proname LIKE 'keel\\_sync\\_%'"); var r = st.executeQuery()) {
            while (r.next()) {
                functions.add(name(defaultSchema, r.getString(1), r.getString(2)));
            }
        }
        var result = new ArrayList<String>();
        var wanted = new HashSet<String>();
        for (var p : expected.pending()) {
            if (!(p instanceof PendingSync sync)) {
                continue;
            }
            String key = sync.table() + " " + sync.triggerName();
            wanted.add(key);
            Live found = live.get(key);
            String what = "table " + sync.table() + ": trigger " + sync.triggerName();
            if (found == null) {
                result.add(what + " missing (it keeps " + sync.column() + " in step with " + sync.source()
                        + "; the old code's writes now leave " + sync.column() + " empty)");
            } else if (!found.enabled()) {
                result.add(what + " disabled (it keeps " + sync.column() + " in step with " + sync.source() + ")");
            }
            String function = sync.schema() == null ? sync.functionName() : sync.schema() + "." + sync.functionName();
            if (!functions.contains(function)) {
                result.add("table " + sync.table() + ": function " + function + " of trigger " + sync.triggerName() + " missing");
            }
        }
        live.forEach((key, l) -> {
            if (!wanted.contains(key)) {
                result.add("table " + l.table() + ": trigger " + l.trigger() + " unexpected (no applied migration keeps a"
                        + " column of it in step)");
            }
        });
        result.sort(null);
        return result;
    }

    private static String name(String defaultSchema, String schema, String relation) {
        return schema.equals(defaultSchema) ? relation : schema + "." + relation;
    }
}
