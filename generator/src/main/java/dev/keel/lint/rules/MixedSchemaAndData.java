package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.MigrationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.operations.RunSql;
import dev.keel.operations.Operation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema changes and data changes in one atomic migration. Rows written into a table the same migration creates (a
 * lookup table and its rows, {@code CREATE TABLE country ...; INSERT INTO country ...} or {@code COPY country FROM
 * STDIN}) are no such data change: nobody else uses that table, so no lock of it holds anyone up.
 */
public final class MixedSchemaAndData implements LintRule {
    @Override public String name() { return "mixed-schema-and-data"; }
    @Override public String why() {
        return "in one transaction the schema change's lock (ACCESS EXCLUSIVE for most ALTER TABLE) is held while the"
                + " data change runs, blocking the table for the whole update; a failed update also undoes the schema change.";
    }
    @Override public String fix() {
        return "put the data change in a migration of its own (keel makemigrations --empty APP), after the schema change.";
    }
    @Override public String sqlFix() {
        return "put the data change in a migration file of its own, after the schema change.";
    }

    @Override public void check(MigrationSite site, Findings out) {
        if (!site.spec().atomic()) {
            return;
        }
        List<Operation> ops = site.spec().operations();
        Set<String> made = created(ops);
        java.util.function.Predicate<String> created = t -> made.contains(t) || site.memory().created(t);
        int schema = -1;
        int data = -1;
        for (int i = 0; i < ops.size(); i++) {
            if (schema < 0 && OperationKinds.schema(ops.get(i))) {
                schema = i;
            }
            if (data < 0 && data(ops.get(i), created)) {
                data = i;
            }
        }
        if (schema >= 0 && data >= 0 && schema != data) {
            out.report(this, site.span(data), "data change \"" + ops.get(data).describe() + "\" shares a transaction with schema"
                    + " change \"" + ops.get(schema).describe() + "\" (line " + site.span(schema).first() + ")");
        } else if (schema >= 0 && schema == data && site.file().sql() && ops.get(data) instanceof RunSql sql) {
            // a plain SQL file: point at its first data statement, and name the schema change's line
            List<SqlStatement> statements = SqlStatement.split(sql.sql());
            SqlStatement change = statements.stream().filter(OperationKinds::schemaStatement).findFirst().orElseThrow();
            SqlStatement update = statements.stream().filter(st -> data(st, created)).findFirst().orElseThrow();
            out.report(this, update.span(), "data change \"" + update.abbreviated()
                    + "\" shares a transaction with schema change \"" + change.abbreviated() + "\" (line " + change.line() + ")");
        } else if (schema >= 0 && schema == data) {
            out.report(this, site.span(data), "\"" + ops.get(data).describe() + "\" changes both the schema and the data"
                    + " in one transaction");
        }
    }

    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?("
            + Sql.NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern DML_TARGET = Pattern.compile("^(?:INSERT\\s+INTO|COPY|UPDATE(?:\\s+ONLY)?|DELETE\\s+FROM(?:\\s+ONLY)?"
            + "|MERGE\\s+INTO(?:\\s+ONLY)?)\\s+(" + Sql.NAME + ")", Pattern.CASE_INSENSITIVE);

    /**
     * The tables the migration creates: its createModel operations' and its SQL's CREATE TABLE (with those the part of
     * its file before it made, {@link dev.keel.lint.MigrationMemory#laterInSameFile}).
     */
    private static Set<String> created(List<Operation> ops) {
        var created = new HashSet<String>();
        for (Operation op : ops) {
            if (op instanceof dev.keel.operations.CreateModel create) {
                created.add(create.table().qualifiedName());
            } else if (op instanceof RunSql sql) {
                for (SqlStatement s : SqlStatement.split(sql.sql())) {
                    Matcher m = CREATE_TABLE.matcher(s.shape());
                    if (m.find()) {
                        created.add(SqlStatement.tableName(m.group(1)));
                    }
                }
            }
        }
        return created;
    }

    /** Whether the operation changes rows of a table the migration does not create. */
    private static boolean data(Operation op, java.util.function.Predicate<String> created) {
        if (op instanceof RunSql sql) {
            return SqlStatement.split(sql.sql()).stream().anyMatch(s -> data(s, created));
        }
        return OperationKinds.data(op);
    }

    /** Whether the statement changes rows of a table the migration does not create. */
    private static boolean data(SqlStatement s, java.util.function.Predicate<String> created) {
        return s.isData() && target(s).map(t -> !created.test(t)).orElse(true);
    }

    /** The table a plain INSERT, COPY, UPDATE, DELETE or MERGE writes. */
    private static Optional<String> target(SqlStatement s) {
        Matcher m = DML_TARGET.matcher(s.shape());
        return m.find() ? Optional.of(SqlStatement.tableName(m.group(1))) : Optional.empty();
    }
}
