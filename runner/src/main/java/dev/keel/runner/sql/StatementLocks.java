package dev.keel.runner.sql;

import dev.keel.project.ProjectState;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table locks one of keel's own statements takes, in the order PostgreSQL takes them (its own table
 * first), read from the statement's text and the state it meets; and the table it creates, if any. Pure.
 *
 * <p>Besides its own table, a statement locks the other table of a foreign key it adds ({@code SHARE ROW
 * EXCLUSIVE}), drops or drops with its column or table ({@code ACCESS EXCLUSIVE}), validates ({@code ROW
 * SHARE}), or rebuilds because a column of the key changes type ({@code ACCESS EXCLUSIVE}). Sequences are
 * left out: PostgreSQL cannot lock one with {@code LOCK}. Statements of another shape (the user's
 * {@code RunSql}) are not read: {@link #of} gives nothing for them.
 */
public record StatementLocks(List<TableLock> locks, String creates) {
    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String QNAME = "(?:" + IDENT + "\\.)?" + IDENT;
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)CREATE TABLE (?:IF NOT EXISTS )?(" + QNAME + ")\\s*\\(.*");
    private static final Pattern DROP_TABLE = Pattern.compile("(?is)DROP TABLE (?:IF EXISTS )?(" + QNAME + ")");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)ALTER TABLE (?:IF EXISTS )?(" + QNAME + ") (.*)");
    private static final Pattern ADD_FOREIGN_KEY = Pattern.compile(
            "(?is)ADD CONSTRAINT " + IDENT + " FOREIGN KEY \\(.*?\\) REFERENCES (" + QNAME + ")\\s*\\(.*");
    private static final Pattern VALIDATE = Pattern.compile("(?is)VALIDATE CONSTRAINT (" + IDENT + ")");
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("(?is)DROP CONSTRAINT (?:IF EXISTS )?(" + IDENT + ")");
    private static final Pattern DROP_COLUMN = Pattern.compile("(?is)DROP COLUMN (?:IF EXISTS )?(" + IDENT + ")");
    private static final Pattern COLUMN_TYPE = Pattern.compile("(?is)ALTER COLUMN (" + IDENT + ") (?:SET DATA )?TYPE .*");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?is)CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?" + IDENT + " ON (" + QNAME + ")\\b.*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)DROP INDEX (CONCURRENTLY )?(?:IF EXISTS )?(" + QNAME + ")");
    private static final Pattern COMMENT_ON_TABLE = Pattern.compile("(?is)COMMENT ON TABLE (" + QNAME + ") IS .*");
    private static final Pattern COMMENT_ON_COLUMN = Pattern.compile(
            "(?is)COMMENT ON COLUMN (" + QNAME + ")\\." + IDENT + " IS .*");
    /** Statements that lock no table: schemas, sequences (which {@code LOCK} cannot lock), index renames (the index only). */
    private static final Pattern NO_TABLE = Pattern.compile(
            "(?is)(?:CREATE SCHEMA|CREATE SEQUENCE|ALTER SEQUENCE|DROP SEQUENCE|ALTER INDEX) .*");
    /** A column sync's trigger: {@code CREATE TRIGGER} takes SHARE ROW EXCLUSIVE, {@code DROP TRIGGER} ACCESS EXCLUSIVE. */
    private static final Pattern CREATE_TRIGGER = Pattern.compile("(?is)CREATE TRIGGER " + IDENT + " .*? ON (" + QNAME + ") FOR EACH .*");
    private static final Pattern DROP_TRIGGER = Pattern.compile("(?is)DROP TRIGGER (?:IF EXISTS )?" + IDENT + " ON (" + QNAME + ")");
    /** A column sync's function: no table lock. */
    private static final Pattern FUNCTION = Pattern.compile("(?is)(?:CREATE (?:OR REPLACE )?FUNCTION|DROP FUNCTION|ALTER FUNCTION) .*");
    private static final Pattern NAME_PART = Pattern.compile(IDENT);

    public StatementLocks {
        locks = List.copyOf(locks);
    }

    /**
     * The locks {@code statement} takes on a database holding {@code state}; empty when keel does not know
     * the statement's shape.
     */
    public static Optional<StatementLocks> of(String statement, ProjectState state) {
        String s = statement.strip();
        Matcher m = CREATE_TABLE.matcher(s);
        if (m.matches()) {
            String t = name(m.group(1));
            return Optional.of(new StatementLocks(List.of(new TableLock(t, LockMode.ACCESS_EXCLUSIVE)), t));
        }
        m = DROP_TABLE.matcher(s);
        if (m.matches()) {
            String t = name(m.group(1));
            var locks = new ArrayList<TableLock>(List.of(new TableLock(t, LockMode.ACCESS_EXCLUSIVE)));
            table(state, t).ifPresent(table -> table.foreignKeys().stream().filter(ForeignKey::enforced)
                    .forEach(fk -> add(locks, normal(fk.targetTable()), LockMode.ACCESS_EXCLUSIVE)));
            return found(locks);
        }
        m = ALTER_TABLE.matcher(s);
        if (m.matches()) {
            return found(alterTable(name(m.group(1)), m.group(2).strip(), state));
        }
        m = CREATE_INDEX.matcher(s);
        if (m.matches()) {
            return found(List.of(new TableLock(name(m.group(2)),
                    m.group(1) == null ? LockMode.SHARE : LockMode.SHARE_UPDATE_EXCLUSIVE)));
        }
        m = DROP_INDEX.matcher(s);
        if (m.matches()) {
            LockMode mode = m.group(1) == null ? LockMode.ACCESS_EXCLUSIVE : LockMode.SHARE_UPDATE_EXCLUSIVE;
            return tableOfIndex(state, name(m.group(2))).map(t -> new StatementLocks(List.of(new TableLock(t, mode)), null));
        }
        m = COMMENT_ON_TABLE.matcher(s);
        if (!m.matches()) {
            m = COMMENT_ON_COLUMN.matcher(s);
        }
        if (m.matches()) {
            return found(List.of(new TableLock(name(m.group(1)), LockMode.SHARE_UPDATE_EXCLUSIVE)));
        }
        m = CREATE_TRIGGER.matcher(s);
        if (m.matches()) {
            return found(List.of(new TableLock(name(m.group(1)), LockMode.SHARE_ROW_EXCLUSIVE)));
        }
        m = DROP_TRIGGER.matcher(s);
        if (m.matches()) {
            return found(List.of(new TableLock(name(m.group(1)), LockMode.ACCESS_EXCLUSIVE)));
        }
        if (NO_TABLE.matcher(s).matches() || FUNCTION.matcher(s).matches()) {
            return found(List.of());
        }
        return Optional.empty();
    }

    private static Optional<StatementLocks> found(List<TableLock> locks) {
        return Optional.of(new StatementLocks(locks, null));
    }

    private static List<TableLock> alterTable(String t, String action, ProjectState state) {
        var locks = new ArrayList<TableLock>();
        Optional<Table> table = table(state, t);
        Matcher m = ADD_FOREIGN_KEY.matcher(action);
        if (m.matches()) {
            add(locks, t, LockMode.SHARE_ROW_EXCLUSIVE);
            add(locks, name(m.group(1)), LockMode.SHARE_ROW_EXCLUSIVE);
            return locks;
        }
        m = VALIDATE.matcher(action);
        if (m.matches()) {
            add(locks, t, LockMode.SHARE_UPDATE_EXCLUSIVE);
            // the scan of a key not yet valid reads the referenced table; an already valid one is left alone
            foreignKey(table, unquote(m.group(1))).filter(fk -> !fk.validated())
                    .ifPresent(fk -> add(locks, normal(fk.targetTable()), LockMode.ROW_SHARE));
            return locks;
        }
        add(locks, t, LockMode.ACCESS_EXCLUSIVE);
        m = DROP_CONSTRAINT.matcher(action);
        if (m.matches()) {
            foreignKey(table, unquote(m.group(1))).ifPresent(fk -> add(locks, normal(fk.targetTable()), LockMode.ACCESS_EXCLUSIVE));
            return locks;
        }
        m = DROP_COLUMN.matcher(action);
        if (m.matches()) {
            String column = unquote(m.group(1));
            table.ifPresent(x -> x.foreignKeys().stream().filter(fk -> fk.enforced() && fk.columns().contains(column))
                    .forEach(fk -> add(locks, normal(fk.targetTable()), LockMode.ACCESS_EXCLUSIVE)));
            return locks;
        }
        m = COLUMN_TYPE.matcher(action);
        if (m.matches()) {
            // PostgreSQL rebuilds every foreign key the column is part of, on either side.
            String column = unquote(m.group(1));
            table.ifPresent(x -> x.foreignKeys().stream().filter(fk -> fk.enforced() && fk.columns().contains(column))
                    .forEach(fk -> add(locks, normal(fk.targetTable()), LockMode.ACCESS_EXCLUSIVE)));
            for (Table other : PhysicalTables.of(state)) {
                for (ForeignKey fk : other.foreignKeys()) {
                    if (fk.enforced() && normal(fk.targetTable()).equals(t) && fk.targetColumns().contains(column)) {
                        add(locks, normal(other.qualifiedName()), LockMode.ACCESS_EXCLUSIVE);
                    }
                }
            }
        }
        return locks;
    }

    /** Adds a lock, or strengthens the one already there on the same table. */
    private static void add(List<TableLock> locks, String table, LockMode mode) {
        for (int i = 0; i < locks.size(); i++) {
            if (locks.get(i).table().equals(table)) {
                if (mode.compareTo(locks.get(i).mode()) > 0) {
                    locks.set(i, new TableLock(table, mode));
                }
                return;
            }
        }
        locks.add(new TableLock(table, mode));
    }

    private static Optional<Table> table(ProjectState state, String name) {
        return PhysicalTables.first(state, t -> normal(t.qualifiedName()).equals(name));
    }

    private static Optional<ForeignKey> foreignKey(Optional<Table> table, String constraint) {
        return table.flatMap(t -> t.findConstraint(constraint)).filter(c -> c instanceof ForeignKey fk && fk.enforced())
                .map(ForeignKey.class::cast);
    }

    private static Optional<String> tableOfIndex(ProjectState state, String index) {
        String schema = Identifiers.schemaOf(index);
        String bare = Identifiers.nameOf(index);
        return PhysicalTables.first(state, t -> {
            boolean sameSchema = schema == null ? t.schema() == null || t.schema().equals(Identifiers.DEFAULT_SCHEMA)
                    : schema.equals(t.schema());
            return sameSchema && (t.findIndex(bare).isPresent() || hasConstraintIndex(t, bare));
        }).map(t -> normal(t.qualifiedName()));
    }

    private static boolean hasConstraintIndex(Table t, String name) {
        for (Constraint c : t.constraints()) {
            if (c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A name as the statement writes it ({@code "Order"}, {@code audit.event}), as keel's state names it. */
    static String name(String sqlName) {
        Matcher m = NAME_PART.matcher(sqlName);
        var parts = new ArrayList<String>();
        while (m.find()) {
            parts.add(unquote(m.group()));
        }
        return normal(String.join(".", parts));
    }

    /** A dotted name of keel's state without the default schema ({@code public.post} is {@code post}). */
    private static String normal(String dotted) {
        return dotted.startsWith(Identifiers.DEFAULT_SCHEMA + ".") ? dotted.substring(Identifiers.DEFAULT_SCHEMA.length() + 1)
                : dotted;
    }

    private static String unquote(String ident) {
        return ident.startsWith("\"") ? ident.substring(1, ident.length() - 1).replace("\"\"", "\"") : ident;
    }
}
