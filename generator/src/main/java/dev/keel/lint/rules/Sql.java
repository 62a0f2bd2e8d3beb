package dev.keel.lint.rules;

import dev.keel.lint.SqlStatement;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Table;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Patterns and small readings the SQL side of the rules shares. */
final class Sql {
    /** A name inside a group: {@code (" + Sql.NAME + ")}. */
    static final String NAME = SqlStatement.NAME;
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            "^\\(*\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s+IS\\s+NOT\\s+NULL\\s*\\)*$", Pattern.CASE_INSENSITIVE);

    /**
     * How a plain SQL migration runs a statement outside a transaction, for the safe forms that need it: Flyway runs a
     * file whose statements all refuse a transaction without one, or any file whose {@code .sql.conf} says so;
     * Liquibase a changeset marked so.
     */
    static final String OUTSIDE_TRANSACTION = "outside a transaction: in a file of its own (Flyway runs a file whose statements"
            + " all refuse a transaction without one; or executeInTransaction=false in V<n>__<name>.sql.conf; Liquibase:"
            + " runInTransaction:false on the changeset)";

    private Sql() {}

    /** Matches {@code regex} against the whole of an ALTER TABLE action, case-insensitively. */
    static Matcher action(String regex, String action) {
        return Pattern.compile("^(?:" + regex + ")", Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(action);
    }

    /** Whether the table holds a validated check proving {@code column} NOT NULL (so SET NOT NULL does not scan). */
    static boolean provenNotNull(Table table, String column) {
        for (CheckConstraint c : table.checks()) {
            Matcher m = NOT_NULL_CHECK.matcher(c.expression().strip());
            if (c.validated() && m.matches() && SqlStatement.tableName(m.group(1)).equals(column)) {
                return true;
            }
        }
        return false;
    }

    /** A column type as keel's state writes it: {@code character varying(20)} gives {@code varchar(20)}. */
    static String type(String written) {
        return dev.keel.lint.SqlColumnTypes.normal(written);
    }

    /**
     * What follows the column name in an {@code ADD [COLUMN] [IF NOT EXISTS] name ...} action (its type and column
     * constraints), string literals and quoted names blanked; empty when the action adds no column.
     */
    static java.util.Optional<String> addedColumn(String action) {
        Matcher column = Sql.action("ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                + "(?!(?:CONSTRAINT|UNIQUE|PRIMARY|CHECK|FOREIGN|EXCLUDE)\\b)" + Sql.NAME + "\\s+(.*)$", action);
        if (!column.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(column.group(1).replaceAll("'(?:[^']|'')*'", "''").replaceAll("\"(?:[^\"]|\"\")*\"", "\"\""));
    }
}
