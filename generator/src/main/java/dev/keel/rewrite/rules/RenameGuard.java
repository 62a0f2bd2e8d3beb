package dev.keel.rewrite.rules;

import dev.keel.operations.AlterField;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameField;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;

import java.util.List;
import java.util.Optional;

/**
 * Renaming a column in the database breaks the code still running during a deploy, which uses the old
 * name. keel keeps the physical name instead ({@code @Column(name = "old")} makes the rename state-only)
 * and refuses a real rename unless allowed. Renamed tables and their sequences: {@link ExpandTableRename}.
 */
public final class RenameGuard implements SafetyRule {
    @Override public String name() { return "rename"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (ctx.options().allows(SafetyOptions.RENAME)) {
            return Optional.empty();
        }
        if (op instanceof RenameField rename && !rename.stateOnly() && ctx.existingTable(rename.model())) {
            String oldColumn = ctx.table(rename.model()).findFieldOrColumn(rename.oldField()).map(c -> c.name()).orElse(rename.oldField());
            refuseColumn(ctx, rename.model(), rename.newField(), oldColumn, rename.newColumn());
            return Optional.of(List.of(Step.deploy(op)));
        }
        if (op instanceof AlterField alter && ctx.existingTable(alter.model())) {
            String oldColumn = ctx.table(alter.model()).findFieldOrColumn(alter.field()).map(c -> c.name()).orElse(null);
            if (oldColumn != null && !oldColumn.equals(alter.column().name())) {
                refuseColumn(ctx, alter.model(), alter.field(), oldColumn, alter.column().name());
                return Optional.of(List.of(Step.deploy(op)));
            }
        }
        return Optional.empty();
    }

    private static void refuseColumn(RewriteContext ctx, String model, String field, String oldColumn, String newColumn) {
        boolean joinOrCollection = ctx.table(model).entity() == null;
        String keep = joinOrCollection
                ? "@JoinColumn(name = \"" + oldColumn + "\") in the @JoinTable (or @CollectionTable) of the relation or collection field"
                : "@Column(name = \"" + oldColumn + "\") (the rename is then state-only)";
        ctx.refuse((joinOrCollection ? "table " + ctx.table(model).qualifiedName() : "field " + ctx.app() + "." + model + "." + field)
                + ": renaming column " + oldColumn + " to " + newColumn
                + " breaks the code still running during the deploy."
                + "\nTo fix: keep the column name with " + keep + ","
                + " or allow it: keel makemigrations --allow-unsafe rename.");
    }
}
