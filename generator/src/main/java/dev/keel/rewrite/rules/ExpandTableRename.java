package dev.keel.rewrite.rules;

import dev.keel.operations.AlterModelTable;
import dev.keel.operations.CreateCompatibilityView;
import dev.keel.operations.CreateModel;
import dev.keel.operations.ForkSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameField;
import dev.keel.operations.RenameSequence;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.QualifiedNames;
import dev.keel.state.Sequence;
import dev.keel.state.Table;

import java.util.List;
import java.util.Optional;

/**
 * A renamed table, expand and contract: the code still running during the deploy keeps the old names.
 * <ul>
 *   <li>The table is renamed and a view under its old name, over the renamed table, keeps the columns under
 *       the names the old code uses ({@link CreateCompatibilityView}). A view over one table is automatically
 *       updatable: the old code's inserts, updates and deletes go through it. Pending deletion: the contract
 *       ({@code makemigrations --delete-pending}) drops it.</li>
 *   <li>A column of a table renamed behind such a view in the same migration is renamed in place: the old code
 *       reaches it through the view, under its old name.</li>
 *   <li>The id sequence that follows the renamed table is forked ({@link ForkSequence}): a sequence cannot be
 *       aliased, so the old one stays for the old code, capped, and the new name is a new sequence whose values
 *       start above the cap. The old one is pending deletion.</li>
 * </ul>
 * Refused, with a fix, where no such form exists: the old table name is taken again in the same migration
 * (no view can keep it), a sequence that counts down or that a column default draws from (a fork would leave
 * the default on the capped sequence). {@code --allow-unsafe rename} writes the plain renames there, and
 * renames the sequence in one step everywhere (its value is kept; the old code's inserts fail).
 */
public final class ExpandTableRename implements SafetyRule {
    @Override public String name() { return "expand-table-rename"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (op instanceof AlterModelTable alter && ctx.existingTable(alter.model())) {
            return renameTable(ctx, alter);
        }
        if (op instanceof RenameSequence rename) {
            return ctx.current().sequence(rename.oldName()).flatMap(s -> forkSequence(ctx, rename, s));
        }
        if (op instanceof RenameField rename && !rename.stateOnly() && ctx.existingTable(rename.model())
                && ctx.renamedBehindView(rename.model())) {
            return Optional.of(List.of(Step.deploy(op)));
        }
        return Optional.empty();
    }

    private static Optional<List<Step>> renameTable(RewriteContext ctx, AlterModelTable alter) {
        Table table = ctx.table(alter.model());
        if (table.qualifiedName().equals(alter.table()) || table.columns().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> reuse = oldNameTakenBy(ctx, table.qualifiedName());
        if (reuse.isPresent()) {
            if (!ctx.options().allows(SafetyOptions.RENAME)) {
                ctx.refuse("model " + ctx.app() + "." + alter.model() + ": renaming table " + table.qualifiedName() + " to " + alter.table()
                        + " while " + reuse.get() + " takes the name " + table.qualifiedName() + " in the same migration leaves no name for"
                        + " the view that keeps the table usable by the code still running during the deploy."
                        + "\nTo fix: rename the table in one release and reuse its old name in a later one"
                        + " (after makemigrations --delete-pending has dropped the view),"
                        + " or allow it: keel makemigrations --allow-unsafe rename.");
            }
            return Optional.of(List.of(Step.deploy(alter)));
        }
        var view = new CreateCompatibilityView(table.qualifiedName(), alter.table(), table.columns().stream().map(c -> c.name()).toList());
        return Optional.of(List.of(Step.deploy(alter), Step.deploy(view)));
    }

    /** What takes a renamed table's old name later in the migration: a new model's table, or another table renamed to it. */
    private static Optional<String> oldNameTakenBy(RewriteContext ctx, String oldName) {
        for (Operation later : ctx.remaining()) {
            if (later instanceof CreateModel create && create.table().qualifiedName().equals(oldName)) {
                return Optional.of("the new model " + ctx.app() + "." + create.model());
            }
            if (later instanceof AlterModelTable other && other.table().equals(oldName)) {
                return Optional.of("the renamed table of " + ctx.app() + "." + other.model());
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Step>> forkSequence(RewriteContext ctx, RenameSequence rename, Sequence sequence) {
        if (ctx.options().allows(SafetyOptions.RENAME)) {
            return Optional.of(List.of(Step.deploy(rename)));
        }
        String why = null;
        if (sequence.increment() < 0) {
            why = "it counts down (increment " + sequence.increment() + "), so no cap keeps the old code's ids apart from the new code's";
        } else {
            String used = usedByDefault(ctx, rename.oldName());
            if (used != null) {
                why = "the default of " + used + " draws from it, and would stay on the old sequence";
            }
        }
        if (why != null) {
            ctx.refuse("sequence " + rename.oldName() + ": " + sequenceChange(rename)
                    + " while the code still running draws ids from it needs a second sequence, but " + why + "."
                    + "\nTo fix: keep it with " + keepSequence(rename.oldName())
                    + " on the id, or allow it: keel makemigrations --allow-unsafe rename.");
            return Optional.of(List.of(Step.deploy(rename)));
        }
        return Optional.of(List.of(Step.deploy(new ForkSequence(rename.oldName(), rename.newName(), headroom(sequence)))));
    }

    /** What a sequence rename does: move the sequence to another schema, or give it another name. */
    static String sequenceChange(RenameSequence rename) {
        String oldSchema = QualifiedNames.schemaOf(rename.oldName());
        String newSchema = QualifiedNames.schemaOf(rename.newName());
        if (QualifiedNames.bareName(rename.oldName()).equals(QualifiedNames.bareName(rename.newName())) && !java.util.Objects.equals(oldSchema, newSchema)) {
            return "moving it to " + (newSchema == null ? "the default schema" : "schema " + newSchema)
                    + " (@SequenceGenerator(schema) changed)";
        }
        return "renaming it to " + rename.newName() + " (it follows its renamed entity or table)";
    }

    /** The {@code @SequenceGenerator} that keeps a sequence where it is: its name, and its schema when it has one. */
    static String keepSequence(String name) {
        String schema = QualifiedNames.schemaOf(name);
        return "@SequenceGenerator(sequenceName = \"" + QualifiedNames.bareName(name) + "\"" + (schema == null ? "" : ", schema = \"" + schema + "\"") + ")";
    }

    /**
     * The ids the running code may still draw from the old sequence: a million, or twenty thousand blocks when
     * the blocks are larger than 50 ids. Written in the migration file, where it can be changed.
     */
    static long headroom(Sequence sequence) {
        return Math.max(1_000_000L, 20_000L * sequence.increment());
    }

    /** The column whose default calls {@code nextval} on the sequence, as {@code table.column}, or null. */
    private static String usedByDefault(RewriteContext ctx, String sequence) {
        String bare = QualifiedNames.bareName(sequence);
        for (Table t : ctx.current().tables()) {
            for (var c : t.columns()) {
                if (c.defaultSql() != null && c.defaultSql().contains("nextval") && c.defaultSql().contains(bare)) {
                    return t.qualifiedName() + "." + c.name();
                }
            }
        }
        return null;
    }
}
