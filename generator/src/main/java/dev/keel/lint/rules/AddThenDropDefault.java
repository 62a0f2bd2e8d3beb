package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.MigrationMemory;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AlterField;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A NOT NULL column added with a {@code DEFAULT} to fill the existing rows whose default the same
 * migration then drops (Django's one-off default): {@code ADD COLUMN c ... DEFAULT x NOT NULL} and
 * {@code ALTER COLUMN c DROP DEFAULT} (or {@code SET DEFAULT NULL}), in SQL or as operations, in either
 * order with the {@code SET NOT NULL}.
 */
public final class AddThenDropDefault implements LintRule {
    @Override public String name() { return "add-then-drop-default"; }
    @Override public String why() {
        return "the code still running during the deploy does not know the new column and inserts rows without it: once"
                + " the default is dropped, those inserts violate NOT NULL and fail until the deploy completes.";
    }
    @Override public String fix() {
        return "keep the default: ADD COLUMN ... DEFAULT x NOT NULL alone is instant since PostgreSQL 11 and keeps the old"
                + " code's inserts working (keel makemigrations keeps the value typed at its prompt, or the field's"
                + " initializer, as the database default); drop it, if at all, in a later deploy, once no running code"
                + " omits the column.";
    }
    @Override public String sqlFix() {
        return "keep the default: ADD COLUMN ... NOT NULL DEFAULT x alone is instant since PostgreSQL 11 and keeps the old"
                + " code's inserts working; drop it, if at all, in a later deploy, once no running code omits the column.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (!(site.operation() instanceof AlterField alter) || !site.existingTable(alter.model())) {
            return;
        }
        Optional<Table> table = site.table(alter.model());
        Optional<Column> old = table.flatMap(t -> t.findFieldOrColumn(alter.field()));
        if (table.isEmpty() || old.isEmpty()) {
            return;
        }
        String name = table.get().qualifiedName();
        String column = alter.column().name();
        Optional<MigrationMemory.AddedColumn> added = site.migration().memory().added(name, old.get().name());
        if (added.isEmpty() || !added.get().withDefault()) {
            return;
        }
        boolean drops = old.get().defaultSql() != null && alter.column().defaultSql() == null;
        boolean dropped = added.get().defaultDropped() || drops;
        boolean notNull = alter.column().notNull();
        if (dropped && notNull && (drops || !added.get().notNull())) {
            out.report(this, site.span(), "column " + column + " of existing table " + name + " is added with a default that"
                    + " this migration drops, while it is NOT NULL");
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            Map<String, MigrationMemory.AddedColumn> here = new HashMap<>();
            for (String action : site.statement().actions()) {
                Matcher add = Sql.action("ADD\\s+(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b|FOREIGN\\b|EXCLUDE\\b)(?:COLUMN\\s+)?"
                        + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + Sql.NAME + ")\\s+(.*)$", action);
                if (add.find()) {
                    here.put(SqlStatement.tableName(add.group(1)), new MigrationMemory.AddedColumn(
                            Sql.action(".*\\bDEFAULT\\b", add.group(2)).find(),
                            Sql.action(".*\\bNOT\\s+NULL\\b|.*\\bPRIMARY\\s+KEY\\b", add.group(2)).find(), false));
                    continue;
                }
                Matcher alter = Sql.action("ALTER\\s+(?:COLUMN\\s+)?(" + Sql.NAME + ")\\s+(DROP\\s+DEFAULT|SET\\s+DEFAULT\\s+NULL"
                        + "|SET\\s+NOT\\s+NULL)\\s*$", action);
                if (!alter.find()) {
                    continue;
                }
                String column = SqlStatement.tableName(alter.group(1));
                MigrationMemory.AddedColumn before = here.containsKey(column) ? here.get(column)
                        : site.memory().added(table, column).orElse(null);
                if (before == null || !before.withDefault()) {
                    continue;
                }
                boolean setNotNull = alter.group(2).toUpperCase(java.util.Locale.ROOT).startsWith("SET NOT");
                if (setNotNull && before.defaultDropped() && !before.notNull()
                        || !setNotNull && before.notNull() && !before.defaultDropped()) {
                    out.report(this, site.span(), "column " + column + " of existing table " + table + " is added with a"
                            + " default that this migration drops, while it is NOT NULL");
                }
                here.put(column, new MigrationMemory.AddedColumn(true, before.notNull() || setNotNull,
                        before.defaultDropped() || !setNotNull));
            }
        });
    }
}
