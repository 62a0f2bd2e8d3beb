package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.OperationSite;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.SafeDeleteModel;
import dev.keel.operations.SafeRemoveField;
import dev.keel.state.PendingColumn;
import dev.keel.state.PendingTable;

/** The DELETE phase of a two-phase removal in the same migration as its MOVE_TO_PENDING phase. */
public final class PendingDeletedTooSoon implements LintRule {
    @Override public String name() { return "pending-deleted-too-soon"; }
    @Override public String why() {
        return "the DELETE phase drops what the code deployed before this migration still uses; it is safe only once"
                + " the code that stopped using it runs everywhere, so it belongs to a later deploy.";
    }
    @Override public String fix() {
        return "move the DELETE to a later migration, deployed after the MOVE_TO_PENDING one"
                + " (keel makemigrations --delete-pending writes it).";
    }

    @Override public void check(OperationSite site, Findings out) {
        var before = site.migration().before().pending();
        String app = site.app();
        if (site.operation() instanceof SafeRemoveField f && f.action() == DeletionAction.DELETE
                && before.stream().noneMatch(p -> p instanceof PendingColumn c && c.app().equals(app)
                && c.model().equals(f.model()) && f.field().equals(c.fieldKey()))) {
            out.report(this, site.span(), "field " + f.model() + "." + f.field() + " is deleted in the migration that made it pending");
        }
        if (site.operation() instanceof SafeDeleteModel m && m.action() == DeletionAction.DELETE
                && before.stream().noneMatch(p -> p instanceof PendingTable t && t.app().equals(app) && t.model().equals(m.model()))) {
            out.report(this, site.span(), "model " + m.model() + " is deleted in the migration that made it pending");
        }
    }
}
