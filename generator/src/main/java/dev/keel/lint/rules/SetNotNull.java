package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AlterField;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.regex.Matcher;

/**
 * {@code SET NOT NULL} on a column of a table that holds rows, without a validated check to prove it; also the one
 * {@code ADD PRIMARY KEY USING INDEX} makes on the index's nullable columns.
 */
public final class SetNotNull implements LintRule {
    @Override public String name() { return "set-not-null"; }
    @Override public String why() {
        return "SET NOT NULL scans every row under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole scan.";
    }
    @Override public String fix() {
        return "add CHECK (column IS NOT NULL) NOT VALID, validate it in a later migration, then SET NOT NULL (PostgreSQL"
                + " proves it from the valid check without a scan) and drop the check, as keel makemigrations writes it.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (!(site.operation() instanceof AlterField alter) || !site.existingTable(alter.model())) {
            return;
        }
        Table table = site.table(alter.model()).orElseThrow();
        Column old = table.findFieldOrColumn(alter.field()).orElse(null);
        if (old != null && old.isNullable() && !alter.column().isNullable() && !Sql.provenNotNull(table, old.name())
                && !site.migration().memory().provenNotNull(table.qualifiedName(), old.name())) {
            out.report(this, site.span(), "column " + old.name() + " of existing table " + table.qualifiedName()
                    + " is set NOT NULL without a validated check");
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                Matcher m = Sql.action("ALTER\\s+(?:COLUMN\\s+)?(" + Sql.NAME + ")\\s+SET\\s+NOT\\s+NULL", action);
                if (m.find()) {
                    String column = SqlStatement.tableName(m.group(1));
                    boolean proven = site.stateTable(table).map(t -> Sql.provenNotNull(t, column)).orElse(false)
                            || site.memory().provenNotNull(table, column);
                    if (!proven) {
                        out.report(this, site.span(), "SET NOT NULL on column " + column + " of existing table " + table
                                + " without a validated check");
                    }
                }
                Matcher pk = Sql.action("ADD\\s+(?:CONSTRAINT\\s+" + Sql.NAME + "\\s+)?PRIMARY\\s+KEY\\s+USING\\s+INDEX\\s+("
                        + Sql.NAME + ")", action);
                if (pk.find()) {
                    primaryKeyUsingIndex(site, table, SqlStatement.tableName(pk.group(1)), out);
                }
            }
        });
    }

    /**
     * {@code ADD PRIMARY KEY USING INDEX}: PostgreSQL first makes every column of the index NOT NULL, scanning the table
     * under its ACCESS EXCLUSIVE lock for each nullable one (when keel's state knows the index's columns).
     */
    private void primaryKeyUsingIndex(StatementSite site, String table, String index, Findings out) {
        Table known = site.stateTable(table).orElse(null);
        if (known == null) {
            return;
        }
        String bare = index.substring(index.lastIndexOf('.') + 1);
        known.indexes().stream().filter(i -> i.name().equals(bare)).findFirst().ifPresent(i -> {
            for (String column : i.columns()) {
                boolean nullable = known.findColumn(column).map(Column::isNullable).orElse(false);
                if (nullable && !Sql.provenNotNull(known, column) && !site.memory().provenNotNull(table, column)) {
                    out.report(this, site.span(), "PRIMARY KEY USING INDEX " + bare + " sets nullable column " + column
                            + " of existing table " + table + " NOT NULL, scanning it without a validated check");
                }
            }
        });
    }
}
