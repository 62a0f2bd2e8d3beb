package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.RemoveIndex;
import dev.keel.state.Table;

/** {@code DROP INDEX} without {@code CONCURRENTLY} on a table that holds rows. */
public final class DropIndexWithoutConcurrently implements LintRule {
    @Override public String name() { return "drop-index-without-concurrently"; }
    @Override public String why() {
        return "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: reads and writes wait, and while it waits for"
                + " running queries every new query queues behind it.";
    }
    @Override public String fix() {
        return "drop it with DROP INDEX CONCURRENTLY IF EXISTS in a non-atomic migration: removeIndex(model, name, true)"
                + " with atomic(false).";
    }
    @Override public String sqlFix() {
        return "DROP INDEX CONCURRENTLY IF EXISTS ..., " + Sql.OUTSIDE_TRANSACTION;
    }

    @Override public void check(OperationSite site, Findings out) {
        // keel's switch of a type change drops the old column's indexes in the transaction that renames the
        // columns: it holds ACCESS EXCLUSIVE for the renames anyway, and a drop is a catalog change
        if (site.operation() instanceof RemoveIndex remove && !remove.isConcurrent() && site.existingTable(remove.model())
                && !OperationKinds.partOfSwitch(site.migration().spec().operations(), site.index())) {
            out.report(this, site.span(), "index " + remove.name() + " is dropped without CONCURRENTLY from existing table "
                    + site.table(remove.model()).orElseThrow().qualifiedName());
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().match("DROP\\s+INDEX\\s+(?!CONCURRENTLY\\b)(?:IF\\s+EXISTS\\s+)?(" + Sql.NAME + ")").ifPresent(m -> {
            String index = SqlStatement.tableName(m.group(1));
            String table = site.operation().before().tables().stream()
                    .filter(t -> t.findIndex(index).isPresent()).map(Table::qualifiedName).findFirst().orElse("");
            if (table.isEmpty() || site.existingTable(table)) {
                out.report(this, site.span(), "DROP INDEX " + index + " without CONCURRENTLY"
                        + (table.isEmpty() ? "" : " on existing table " + table));
            }
        });
    }
}
