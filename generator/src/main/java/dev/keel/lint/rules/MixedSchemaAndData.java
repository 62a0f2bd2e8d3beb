package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.MigrationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.operations.RunSql;
import dev.keel.operations.Operation;

import java.util.List;

/** Schema changes and data changes in one atomic migration. */
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
        int schema = -1;
        int data = -1;
        for (int i = 0; i < ops.size(); i++) {
            if (schema < 0 && OperationKinds.schema(ops.get(i))) {
                schema = i;
            }
            if (data < 0 && OperationKinds.data(ops.get(i))) {
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
            SqlStatement update = statements.stream().filter(SqlStatement::isData).findFirst().orElseThrow();
            out.report(this, update.span(), "data change \"" + update.abbreviated()
                    + "\" shares a transaction with schema change \"" + change.abbreviated() + "\" (line " + change.line() + ")");
        } else if (schema >= 0 && schema == data) {
            out.report(this, site.span(data), "\"" + ops.get(data).describe() + "\" changes both the schema and the data"
                    + " in one transaction");
        }
    }
}
