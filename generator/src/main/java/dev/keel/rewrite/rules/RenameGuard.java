package dev.keel.rewrite.rules;

import dev.keel.operations.AlterField;
import dev.keel.operations.AlterModelTable;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameSequence;
import dev.keel.operations.CreateCompatibilityView;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;

import java.util.List;
import java.util.Optional;

/**
 * Renaming a table or column in the database breaks the code still running during a deploy, which uses
 * the old name. keel keeps the physical name instead ({@code @Table(name = "old")},
 * {@code @Column(name = "old")} make the rename state-only) and refuses a real rename unless allowed.
 */
public final class RenameGuard implements SafetyRule {
    @Override public String name() { return "rename"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (ctx.options().allows(SafetyOptions.RENAME)) {
            return keepOldName(ctx, op);
        }
        if (op instanceof AlterModelTable alter && ctx.existingTable(alter.model())) {
            var table = ctx.table(alter.model());
            String keep = table.entity() != null
                    ? "@Table(name = \"" + table.name() + "\") on the entity"
                    : "@JoinTable(name = \"" + table.name() + "\") (or @CollectionTable(name = ...)) on the relation or collection field";
            ctx.refuse("model " + ctx.app() + "." + alter.model() + ": renaming table " + table.qualifiedName() + " to " + alter.table()
                    + " breaks the code still running during the deploy."
                    + "\nTo fix: keep the table name with " + keep + ","
                    + " or allow it: keel makemigrations --allow-unsafe rename.");
            return Optional.of(List.of(Step.deploy(op)));
        }
        if (op instanceof RenameSequence rename && ctx.current().sequence(rename.oldName()).isPresent()) {
            ctx.refuse("sequence " + rename.oldName() + ": " + sequenceChange(rename)
                    + " breaks the inserts of the code still running during the deploy."
                    + "\nTo fix: keep it with " + keepSequence(rename.oldName())
                    + " on the id, or allow it: keel makemigrations --allow-unsafe rename.");
            return Optional.of(List.of(Step.deploy(op)));
        }
        if (op instanceof RenameField rename && !rename.stateOnly() && ctx.existingTable(rename.model())) {
            String oldColumn = ctx.table(rename.model()).findFieldOrColumn(rename.oldField()).map(c -> c.name()).orElse(rename.oldField());
            refuseColumn(ctx, rename.model(), rename.newField(), oldColumn, rename.newColumn());
            return Optional.of(List.of(Step.deploy(op)));
        }
        if (op instanceof AlterField alter && ctx.existingTable(alter.model())) {
            String oldColumn = ctx.table(alter.model()).findField(alter.field()).map(c -> c.name()).orElse(null);
            if (oldColumn != null && !oldColumn.equals(alter.column().name())) {
                refuseColumn(ctx, alter.model(), alter.field(), oldColumn, alter.column().name());
                return Optional.of(List.of(Step.deploy(op)));
            }
        }
        return Optional.empty();
    }

    /**
     * An allowed table rename keeps the old name usable by the code still running: a view under the old
     * name, over the renamed table, with the columns under the names they have now (the old code's), pending
     * deletion until {@code makemigrations --delete-pending}.
     */
    private static Optional<List<Step>> keepOldName(RewriteContext ctx, Operation op) {
        if (!(op instanceof AlterModelTable alter) || !ctx.existingTable(alter.model())) {
            return Optional.empty();
        }
        var table = ctx.table(alter.model());
        if (table.qualifiedName().equals(alter.table()) || table.columns().isEmpty()) {
            return Optional.empty();
        }
        var view = new CreateCompatibilityView(table.qualifiedName(), alter.table(),
                table.columns().stream().map(c -> c.name()).toList());
        return Optional.of(List.of(Step.deploy(op), Step.deploy(view)));
    }

    /** What a sequence rename does: move the sequence to another schema, or give it another name. */
    static String sequenceChange(RenameSequence rename) {
        String oldSchema = schemaOf(rename.oldName());
        String newSchema = schemaOf(rename.newName());
        if (bare(rename.oldName()).equals(bare(rename.newName())) && !java.util.Objects.equals(oldSchema, newSchema)) {
            return "moving it to " + (newSchema == null ? "the default schema" : "schema " + newSchema)
                    + " (@SequenceGenerator(schema) changed)";
        }
        return "renaming it to " + rename.newName() + " (it follows its renamed entity or table)";
    }

    /** The {@code @SequenceGenerator} that keeps a sequence where it is: its name, and its schema when it has one. */
    static String keepSequence(String name) {
        String schema = schemaOf(name);
        return "@SequenceGenerator(sequenceName = \"" + bare(name) + "\"" + (schema == null ? "" : ", schema = \"" + schema + "\"") + ")";
    }

    private static String schemaOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    private static String bare(String name) {
        return name.substring(name.indexOf('.') + 1);
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
