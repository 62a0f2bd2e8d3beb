package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.lint.StatementSite;
import dev.keel.operations.ValidateConstraint;

/** {@code VALIDATE CONSTRAINT} in the transaction that already changed (and so locked) the table. */
public final class ValidateInSameTransaction implements LintRule {
    @Override public String name() { return "validate-in-same-transaction"; }
    @Override public String why() {
        return "VALIDATE CONSTRAINT scans the table; in a transaction that already changed the table, the scan runs"
                + " under that change's ACCESS EXCLUSIVE lock, so reads and writes wait for the whole scan.";
    }
    @Override public String fix() {
        return "validate in a later migration (keel makemigrations writes the NOT VALID constraint and its validation"
                + " in separate migrations), so the scan holds only a SHARE UPDATE EXCLUSIVE lock.";
    }

    @Override public void check(OperationSite site, Findings out) {
        if (site.operation() instanceof ValidateConstraint v && site.atomic()) {
            site.table(v.model()).filter(t -> site.migration().memory().locked(t.qualifiedName())).ifPresent(t ->
                    out.report(this, site.span(), "constraint " + v.name() + " is validated in the transaction that changed "
                            + t.qualifiedName()));
        }
    }

    @Override public void check(StatementSite site, Findings out) {
        site.statement().alteredTable().ifPresent(table -> {
            boolean changed = site.atomic() && site.memory().locked(table);
            for (String action : site.statement().actions()) {
                if (!Sql.action("VALIDATE\\s+CONSTRAINT\\b", action).find()) {
                    changed = true; // an ALTER TABLE is one transaction: its other actions' lock is held while it validates
                } else if (changed) {
                    out.report(this, site.span(), "VALIDATE CONSTRAINT in the transaction that changed " + table);
                }
            }
        });
    }
}
