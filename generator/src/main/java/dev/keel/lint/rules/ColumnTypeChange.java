package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.SqlStatement;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AlterField;
import dev.keel.rewrite.rules.InPlaceTypeChange;
import dev.keel.state.Column;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A column type change that rewrites a table holding rows (anything but the widenings PostgreSQL does in place). */
public final class ColumnTypeChange implements LintRule {
    @Override public String name() { return "column-type-change"; }
    @Override public String why() {
        return "ALTER COLUMN ... TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, except for"
                + " the changes PostgreSQL makes in place: a longer or unbounded varchar, varchar to text, a larger numeric"
                + " precision with the same scale or no precision, a finer timestamp or time, a longer bit varying.";
    }
    @Override public String fix() {
        return "let keel write it (keel makemigrations): a new column of the new type kept in step by a trigger (addColumnSync),"
                + " filled in batches after the deploy (copyColumn), switched under the field's name (switchColumn), the old one"
                + " dropped by makemigrations --delete-pending; by hand, the same expand and contract over several deploys.";
    }
    @Override public String sqlFix() {
        return "expand and contract over several deploys: ADD COLUMN of the new type, a trigger that writes it on every insert"
                + " and update, a batched UPDATE after the deploy that fills the old rows, then the code switched to it and"
                + " the old column dropped in a later deploy. PostgreSQL changes in place, without a rewrite: varchar(n) to a"
                + " longer varchar, to varchar or to text, numeric(p,s) to a larger p with the same s or to numeric.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (!(site.operation() instanceof AlterField alter) || !site.existingTable(alter.model())) {
            return;
        }
        Column old = site.table(alter.model()).orElseThrow().findFieldOrColumn(alter.field()).orElse(null);
        if (old != null && !InPlaceTypeChange.of(old.type(), alter.column().type())) {
            out.report(this, site.span(), "column " + old.name() + " changes type from " + old.type() + " to "
                    + alter.column().type() + ", which rewrites existing table " + site.table(alter.model()).orElseThrow().qualifiedName());
        }
    }

    /**
     * Whether the action changes only the type: no {@code COLLATE} (a new collation rebuilds the column's indexes) and
     * no {@code USING} other than the column itself, maybe cast to the new type.
     */
    private static boolean plain(String action, String column, String to) {
        if (Sql.action(".*\\sCOLLATE\\s", action).find()) {
            return false;
        }
        Matcher using = Sql.action(".*?\\sUSING\\s+(.*)$", action);
        if (!using.find()) {
            return true;
        }
        Matcher self = Pattern.compile("^\\(?\\s*(" + Sql.NAME + ")\\s*\\)?(?:\\s*::\\s*(.+?))?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(using.group(1).strip());
        return self.matches() && SqlStatement.tableName(self.group(1)).equals(column)
                && (self.group(2) == null || Sql.type(self.group(2)).equals(to));
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                Matcher m = Sql.action("ALTER\\s+(?:COLUMN\\s+)?(" + Sql.NAME + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.+?)"
                        + "(?:\\s+COLLATE\\s.*|\\s+USING\\s.*)?$", action);
                if (m.find()) {
                    String column = SqlStatement.tableName(m.group(1));
                    String to = Sql.type(m.group(2));
                    Optional<String> from = site.stateTable(table).flatMap(t -> t.findColumn(column)).map(Column::type)
                            .or(() -> site.memory().columnType(table, column));
                    if (from.isPresent() ? !InPlaceTypeChange.of(from.get(), to) || !plain(action, column, to)
                            : !(plain(action, column, to) && (to.equals("text") || to.equals("varchar")))) {
                        out.report(this, site.span(), "column " + column + " of existing table " + table + " changes type"
                                + from.map(f -> " from " + f).orElse("") + " to " + to + (plain(action, column, to) ? "" : " with "
                                + (Sql.action(".*\\sCOLLATE\\s", action).find() ? "a new collation (its indexes are rebuilt)"
                                : "a USING expression")) + from.map(f -> "").orElse(", and lint cannot see its current type"
                                + " (no earlier statement or file declares it): unless it is a varchar or numeric widened in"
                                + " place, the table is rewritten"));
                    }
                }
            }
        });
    }
}
