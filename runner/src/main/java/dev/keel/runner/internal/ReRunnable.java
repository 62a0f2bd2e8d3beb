package dev.keel.runner.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes keel's own statements safe to run twice, for non-atomic migrations: each statement commits
 * on its own, so after a failure part-way a re-run meets some of them done already. Pure text in,
 * text out, for the statement forms {@code runner.sql} writes; others (comments, {@code VALIDATE},
 * {@code SET NOT NULL}, type changes) are idempotent as they are. Never applied to {@code RunSql}.
 */
public final class ReRunnable {
    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String QNAME = "(?:" + IDENT + "\\.)?" + IDENT;
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?s)CREATE (UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?(" + IDENT + ") ON (" + QNAME + ")(.*)");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?s)ALTER TABLE (" + QNAME + ") (.*)");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("(?s)ADD CONSTRAINT (" + IDENT + ") .*");
    private static final Pattern RENAME_COLUMN = Pattern.compile("RENAME COLUMN (" + IDENT + ") TO (" + IDENT + ")");
    private static final Pattern RENAME_CONSTRAINT = Pattern.compile("RENAME CONSTRAINT (" + IDENT + ") TO (" + IDENT + ")");
    private static final Pattern ADD_IDENTITY = Pattern.compile("ALTER COLUMN (" + IDENT + ") ADD GENERATED .*");
    private static final Pattern DROP_IDENTITY = Pattern.compile("(ALTER COLUMN " + IDENT + " DROP IDENTITY)(?! IF EXISTS)");

    private ReRunnable() {}

    /**
     * One statement to run, perhaps under a guard, perhaps after a cleanup statement (itself guarded)
     * that runs every time the statement is tried, resumed runs included.
     */
    public record Guarded(String sql, Guard guard, Guarded cleanup) {
        Guarded(String sql, Guard guard) {
            this(sql, guard, null);
        }
    }

    /** The re-runnable form of {@code sql}. */
    public static List<Guarded> rewrite(String sql) {
        String s = sql.strip();
        Matcher m = CREATE_INDEX.matcher(s);
        if (m.matches()) {
            return createIndex(m);
        }
        m = ALTER_TABLE.matcher(s);
        if (m.matches()) {
            return List.of(alterTable(m.group(1), m.group(2)));
        }
        return List.of(new Guarded(ifExists(s), null));
    }

    private static List<Guarded> createIndex(Matcher m) {
        String unique = m.group(1) == null ? "" : m.group(1);
        boolean concurrent = m.group(2) != null;
        String index = m.group(3);
        String table = m.group(4);
        String create = "CREATE " + unique + "INDEX " + (concurrent ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + index
                + " ON " + table + m.group(5);
        if (!concurrent) {
            return List.of(new Guarded(create, null));
        }
        String qualifiedIndex = schemaPrefix(table) + index;
        String invalid = "SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(" + literal(qualifiedIndex)
                + ") AND NOT indisvalid";
        return List.of(new Guarded(create, null, new Guarded("DROP INDEX CONCURRENTLY IF EXISTS " + qualifiedIndex,
                Guard.runIf(invalid, "a failed concurrent build left the index invalid"))));
    }

    private static Guarded alterTable(String table, String action) {
        String head = "ALTER TABLE " + table + " ";
        Matcher m = ADD_CONSTRAINT.matcher(action);
        if (m.matches()) {
            return new Guarded(head + action, Guard.skipIf(constraintExists(table, m.group(1)),
                    "the constraint exists already"));
        }
        m = RENAME_COLUMN.matcher(action);
        if (m.matches()) {
            return new Guarded(head + action, Guard.runIf("SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass("
                    + literal(table) + ") AND attname = " + literal(unquote(m.group(1))) + " AND NOT attisdropped",
                    "the column still has its old name"));
        }
        m = RENAME_CONSTRAINT.matcher(action);
        if (m.matches()) {
            return new Guarded(head + action, Guard.runIf(constraintExists(table, m.group(1)),
                    "the constraint still has its old name"));
        }
        m = ADD_IDENTITY.matcher(action);
        if (m.matches()) {
            return new Guarded(head + action, Guard.runIf("SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass("
                    + literal(table) + ") AND attname = " + literal(unquote(m.group(1))) + " AND attidentity = ''",
                    "the column is not an identity column yet"));
        }
        String a = action;
        a = a.replaceFirst("^ADD COLUMN (?!IF NOT EXISTS )", "ADD COLUMN IF NOT EXISTS ");
        a = a.replaceFirst("^DROP COLUMN (?!IF EXISTS )", "DROP COLUMN IF EXISTS ");
        a = a.replaceFirst("^DROP CONSTRAINT (?!IF EXISTS )", "DROP CONSTRAINT IF EXISTS ");
        a = DROP_IDENTITY.matcher(a).replaceFirst("$1 IF EXISTS");
        if (a.startsWith("RENAME TO ") || a.startsWith("SET SCHEMA ")) {
            return new Guarded("ALTER TABLE IF EXISTS " + table + " " + a, null);
        }
        return new Guarded(head + a, null);
    }

    private static String ifExists(String s) {
        String r = s;
        r = r.replaceFirst("^DROP TABLE (?!IF EXISTS )", "DROP TABLE IF EXISTS ");
        r = r.replaceFirst("^DROP SEQUENCE (?!IF EXISTS )", "DROP SEQUENCE IF EXISTS ");
        r = r.replaceFirst("^DROP INDEX (CONCURRENTLY )?+(?!IF EXISTS )", "DROP INDEX $1IF EXISTS ");
        r = r.replaceFirst("^CREATE TABLE (?!IF NOT EXISTS )", "CREATE TABLE IF NOT EXISTS ");
        r = r.replaceFirst("^CREATE SEQUENCE (?!IF NOT EXISTS )", "CREATE SEQUENCE IF NOT EXISTS ");
        r = r.replaceFirst("^ALTER INDEX (?!IF EXISTS )", "ALTER INDEX IF EXISTS ");
        return r;
    }

    private static String constraintExists(String table, String constraint) {
        return "SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(" + literal(table) + ") AND conname = "
                + literal(unquote(constraint));
    }

    /** {@code sales.} for {@code sales.post}, empty for {@code post}: an index lives in its table's schema. */
    static String schemaPrefix(String qualifiedTable) {
        Matcher m = Pattern.compile("(" + IDENT + "\\.)" + IDENT).matcher(qualifiedTable);
        return m.matches() ? m.group(1) : "";
    }

    /** The name an identifier stands for: {@code "Order"} is {@code Order}, {@code post} is {@code post}. */
    static String unquote(String ident) {
        return ident.startsWith("\"") ? ident.substring(1, ident.length() - 1).replace("\"\"", "\"") : ident;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
