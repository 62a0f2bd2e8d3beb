package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AddField;
import dev.keel.state.Column;
import dev.keel.state.Identity;

import java.util.regex.Matcher;

/** A NOT NULL column added to a table that holds rows, with no database default to fill them. */
public final class NotNullWithoutDefault implements LintRule {
    @Override public String name() { return "not-null-without-default"; }
    @Override public String why() {
        return "ADD COLUMN ... NOT NULL without a default fails on a table with rows, and the code still running during"
                + " the deploy inserts rows without the column, which then fail.";
    }
    @Override public String fix() {
        return "give the column a database default (@ColumnDefault, or column(...).defaultSql(...)): ADD COLUMN ... DEFAULT x"
                + " NOT NULL is instant since PostgreSQL 11; or add it nullable and make it NOT NULL in a later migration.";
    }
    @Override public String sqlFix() {
        return "give it a default: ALTER TABLE ... ADD COLUMN c type NOT NULL DEFAULT x is instant since PostgreSQL 11; or"
                + " add it nullable now and make it NOT NULL in a later migration (CHECK (c IS NOT NULL) NOT VALID, VALIDATE"
                + " CONSTRAINT, then SET NOT NULL).";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof AddField add && site.existingTable(add.model())) {
            Column c = add.column();
            if (c.notNull() && c.defaultSql() == null && c.identity() == Identity.NONE) {
                out.report(this, site.span(), "NOT NULL column " + c.name() + " is added without a database default to existing table "
                        + site.table(add.model()).orElseThrow().qualifiedName());
            }
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                Matcher m = Sql.action("ADD\\s+(?!CONSTRAINT\\b)(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + Sql.NAME + ")\\s+(.*)$", action);
                if (m.find()) {
                    String definition = m.group(2);
                    boolean notNull = Sql.action(".*\\bNOT\\s+NULL\\b|.*\\bPRIMARY\\s+KEY\\b", definition).find();
                    // DEFAULT NULL (maybe cast) fills nothing
                    boolean filled = Sql.action(".*\\b(?:DEFAULT\\s+(?!\\(*\\s*NULL\\b)|GENERATED\\b)", definition).find()
                            || RewritingAddColumn.kind(definition).isPresent();
                    if (notNull && !filled) {
                        out.report(this, site.span(), "NOT NULL column " + SqlStatement.tableName(m.group(1))
                                + " added without a DEFAULT to existing table " + table);
                    }
                }
            }
        });
    }
}
