package dev.keel.scan.oracle;

import dev.keel.project.ProjectState;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema reduced to what can be compared without a database, as sorted text lines: tables with their
 * columns in order (name, type, NOT NULL, default, identity), primary key, unique constraints and checks
 * by content, foreign keys and indexes by name and content, comments, and sequences. Constraint names
 * PostgreSQL would choose are not in the DDL, so unique constraints and checks compare by content.
 */
public record SchemaShape(Map<String, List<String>> tables, List<String> sequences, List<String> enumTypes) {

    /** The shape of a keel state. */
    public static SchemaShape of(ProjectState state) {
        var tables = new TreeMap<String, List<String>>();
        for (Table t : state.tables()) {
            tables.put(t.qualifiedName(), describe(t, state));
        }
        return new SchemaShape(tables, state.sequences().stream().map(SchemaShape::sequence).sorted().toList(),
                state.enumTypes().stream().map(SchemaShape::enumType).toList());
    }

    /** The shape of tables, sequences and enum types (the oracle's). */
    public static SchemaShape of(List<Table> tableList, List<Sequence> sequences, List<dev.keel.state.EnumType> enumTypes) {
        ProjectState state = ProjectState.of(tableList.stream().map(t -> t.placed("oracle", t.qualifiedName())).toList(),
                sequences, enumTypes, List.of());
        return of(state);
    }

    /** An enum type as a line: its name and its values in the type's order. */
    static String enumType(dev.keel.state.EnumType e) {
        return e.name() + " " + e.values();
    }

    /** The shape of a list of tables and sequences (the oracle's). */
    public static SchemaShape of(List<Table> tableList, List<Sequence> sequences) {
        ProjectState state = ProjectState.of(tableList.stream().map(t -> t.placed("oracle", t.qualifiedName())).toList(),
                sequences, List.of());
        return of(state);
    }

    static String sequence(Sequence s) {
        return s.name() + " start " + s.start() + " increment " + s.increment();
    }

    private static List<String> describe(Table t, ProjectState state) {
        var lines = new ArrayList<String>();
        for (Column c : t.columns()) {
            lines.add("column " + c.name() + " " + c.type() + (c.notNull() ? " not null" : "")
                    + (c.defaultSql() == null ? "" : " default " + c.defaultSql())
                    + (c.identity() == dev.keel.state.Identity.NONE ? "" : " identity " + c.identity())
                    + (c.generated() == null ? "" : " generated (" + c.generated() + ")")
                    + (c.comment() == null ? "" : " comment '" + c.comment() + "'"));
        }
        if (t.primaryKey() != null) {
            lines.add("primary key " + t.primaryKey().columns());
        }
        var rest = new TreeSet<String>();
        for (UniqueConstraint u : t.uniques()) {
            rest.add("unique " + u.columns());
        }
        for (CheckConstraint c : t.checks()) {
            rest.add("check " + normalize(c.expression()));
        }
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.enforced()) {
                rest.add("foreign key " + fk.name() + " " + fk.columns() + " -> " + fk.targetTable() + fk.targetColumns());
            }
        }
        for (Index ix : t.indexes()) {
            rest.add("index " + ix.name() + " " + ix.columns());
        }
        if (t.comment() != null) {
            rest.add("comment '" + t.comment() + "'");
        }
        lines.addAll(rest);
        return lines;
    }

    /** This shape without the check of each {@code table.column} of {@code unmodelled} ({@link OracleHibernate#unmodelled}). */
    public SchemaShape without(List<String> unmodelled) {
        var result = new TreeMap<String, List<String>>(tables);
        for (String tc : unmodelled) {
            String table = tc.substring(0, tc.lastIndexOf('.'));
            String column = tc.substring(tc.lastIndexOf('.') + 1);
            List<String> lines = result.get(table);
            if (lines != null) {
                result.put(table, lines.stream().filter(l -> !l.startsWith("check " + column + " in(")).toList());
            }
        }
        return new SchemaShape(result, sequences, enumTypes);
    }

    /** Whitespace and case of a check expression do not matter. */
    static String normalize(String expression) {
        return unwrapped(expression.replaceAll("\\s+", " ").replaceAll("\\s*([(),<>=])\\s*", "$1").toLowerCase(Locale.ROOT).strip());
    }

    /**
     * The expression without parentheses around all of it: Hibernate 7 writes a column's check as
     * {@code check ((x in(...)))}, 6.6 as {@code check (x in(...))}; the check is the same.
     */
    static String unwrapped(String expression) {
        String e = expression;
        while (e.startsWith("(") && closing(e) == e.length() - 1) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    /** The index of the parenthesis that closes the one at 0 (quotes respected), or -1. */
    private static int closing(String e) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A readable difference between two shapes, empty when they are equal. */
    public List<String> differences(SchemaShape other, String thisName, String otherName) {
        var diffs = new ArrayList<String>();
        var names = new TreeSet<>(tables.keySet());
        names.addAll(other.tables.keySet());
        for (String name : names) {
            List<String> a = tables.get(name);
            List<String> b = other.tables.get(name);
            if (a == null || b == null) {
                diffs.add("table " + name + " only in " + (a == null ? otherName : thisName));
            } else if (!a.equals(b)) {
                diffs.add("table " + name + ":\n  " + thisName + ": " + String.join("\n    ", a)
                        + "\n  " + otherName + ": " + String.join("\n    ", b));
            }
        }
        if (!enumTypes.equals(other.enumTypes)) {
            diffs.add("enum types: " + thisName + " " + enumTypes + " vs " + otherName + " " + other.enumTypes);
        }
        if (!sequences.equals(other.sequences)) {
            diffs.add("sequences: " + thisName + " " + sequences + " vs " + otherName + " " + other.sequences);
        }
        return diffs;
    }
}
