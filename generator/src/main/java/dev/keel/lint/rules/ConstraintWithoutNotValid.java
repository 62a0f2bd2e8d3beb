package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AddConstraint;
import dev.keel.state.CheckConstraint;
import dev.keel.state.ForeignKey;

import java.util.regex.Pattern;

/**
 * A foreign key or check added to a table that holds rows without {@code NOT VALID}: as a constraint, as a
 * column constraint of a column added ({@code ADD COLUMN c int REFERENCES t} or {@code CHECK (...)}: PostgreSQL
 * scans the table to check the new column under the {@code ALTER TABLE}'s lock), or on a domain.
 */
public final class ConstraintWithoutNotValid implements LintRule {
    @Override public String name() { return "constraint-without-not-valid"; }
    @Override public String why() {
        return "ADD CONSTRAINT of a foreign key or check scans every row while holding a lock that blocks writes"
                + " (a foreign key locks the table it references too).";
    }
    @Override public String fix() {
        return "add it NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later migration, which"
                + " lets writes through: addConstraint(model, constraint.notValid()), then validateConstraint(model, name).";
    }
    @Override public String sqlFix() {
        return "add it NOT VALID (ALTER TABLE ... ADD CONSTRAINT ... NOT VALID: new rows are checked at once, old ones are not"
                + " scanned), then ALTER TABLE ... VALIDATE CONSTRAINT name in a later migration, which lets reads and writes"
                + " through while it scans. For a domain: ALTER DOMAIN ... ADD CONSTRAINT ... CHECK (...) NOT VALID, then"
                + " ALTER DOMAIN ... VALIDATE CONSTRAINT.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (!(site.operation() instanceof AddConstraint add) || !site.existingTable(add.model())) {
            return;
        }
        boolean scans = add.constraint() instanceof ForeignKey fk && fk.enforced() && fk.validated()
                || add.constraint() instanceof CheckConstraint c && c.validated();
        if (scans) {
            out.report(this, site.span(), "constraint " + add.constraint().name() + " is added without NOT VALID to existing table "
                    + site.table(add.model()).orElseThrow().qualifiedName());
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().filter(site::existingTable).ifPresent(table -> {
            for (String action : site.statement().actions()) {
                if (Sql.action("ADD\\s+(?:CONSTRAINT\\s+" + Sql.NAME + "\\s+)?(?:FOREIGN\\s+KEY|CHECK)\\b", action).find()
                        && !action.toUpperCase(java.util.Locale.ROOT).contains("NOT VALID")) {
                    out.report(this, site.span(), "ADD CONSTRAINT without NOT VALID on existing table " + table);
                } else if (inlineCheckOrReference(action)) {
                    out.report(this, site.span(), "ADD COLUMN with an inline REFERENCES or CHECK on existing table " + table
                            + " scans the table under the ALTER TABLE's ACCESS EXCLUSIVE lock: add the column plain, then the"
                            + " constraint NOT VALID, then VALIDATE it");
                }
            }
        });
        site.statement().match("ALTER\\s+DOMAIN\\s+(" + Sql.NAME + ")\\s+ADD\\s+(?:CONSTRAINT\\s+" + Sql.NAME + "\\s+)?CHECK\\b")
                .filter(m -> !site.statement().contains("\\bNOT\\s+VALID\\s*$"))
                .ifPresent(m -> out.report(this, site.span(), "ALTER DOMAIN " + m.group(1) + " ADD CHECK without NOT VALID scans"
                        + " every column of that domain in every table, under a lock that blocks their writes"));
        site.statement().match("ALTER\\s+DOMAIN\\s+(" + Sql.NAME + ")\\s+SET\\s+NOT\\s+NULL\\b")
                .ifPresent(m -> out.report(this, site.span(), "ALTER DOMAIN " + m.group(1) + " SET NOT NULL scans every column of"
                        + " that domain in every table, under a lock that blocks their writes",
                        "ALTER DOMAIN " + m.group(1) + " ADD CONSTRAINT ... CHECK (VALUE IS NOT NULL) NOT VALID, then ALTER DOMAIN "
                                + m.group(1) + " VALIDATE CONSTRAINT ... in a later migration, which lets writes through"));
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] name type ... REFERENCES t | CHECK (...)}: a column constraint that scans the table. */
    static boolean inlineCheckOrReference(String action) {
        return Sql.addedColumn(action)
                .filter(rest -> Pattern.compile("\\b(?:REFERENCES|CHECK)\\b", Pattern.CASE_INSENSITIVE).matcher(rest).find())
                .isPresent();
    }
}
