package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.StatementSite;
import dev.keel.operations.AddConstraint;
import dev.keel.state.CheckConstraint;
import dev.keel.state.ForeignKey;

/** A foreign key or check added to a table that holds rows without {@code NOT VALID}. */
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
                }
            }
        });
    }
}
