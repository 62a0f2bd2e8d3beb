package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AddField;

import java.util.regex.Matcher;

/** A column added to a table that holds rows with a volatile default, which rewrites the table. */
public final class AddedVolatileDefault implements LintRule {
    @Override public String name() { return "volatile-default"; }
    @Override public String why() {
        return "a volatile default (gen_random_uuid(), clock_timestamp(), random(), nextval()) is computed for every"
                + " existing row: PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock.";
    }
    @Override public String fix() {
        return "expand, backfill, contract: add the column nullable, SET DEFAULT for new rows, backfill the old rows in"
                + " batches after deployment, then make it NOT NULL through a validated check, as keel makemigrations writes it.";
    }
    @Override public String sqlFix() {
        return "add the column without the default (ADD COLUMN c type, nullable), then ALTER COLUMN c SET DEFAULT ... for new"
                + " rows (no rewrite: only new rows get it), backfill the old rows in batches after deployment, then make it"
                + " NOT NULL through CHECK (c IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, SET NOT NULL.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof AddField add && site.existingTable(add.model())
                && dev.keel.rewrite.rules.VolatileDefault.isVolatile(add.column().defaultSql())) {
            out.report(this, site.span(), "column " + add.column().name() + " is added with the volatile default "
                    + add.column().defaultSql() + " to existing table " + site.table(add.model()).orElseThrow().qualifiedName());
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                Matcher m = Sql.action("ADD\\s+(?!CONSTRAINT\\b)(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + Sql.NAME
                        + ")\\s+.*\\bDEFAULT\\s+(.*)$", action);
                if (m.find() && dev.keel.rewrite.rules.VolatileDefault.isVolatile(m.group(2))) {
                    out.report(this, site.span(), "column " + SqlStatement.tableName(m.group(1))
                            + " added with a volatile default to existing table " + table);
                }
            }
        });
    }
}
