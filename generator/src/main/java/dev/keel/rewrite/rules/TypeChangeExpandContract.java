package dev.keel.rewrite.rules;

import dev.keel.operations.AddColumnSync;
import dev.keel.operations.AddConstraint;
import dev.keel.operations.AddConstraintUsingIndex;
import dev.keel.operations.AddField;
import dev.keel.operations.AddIndex;
import dev.keel.operations.AlterField;
import dev.keel.operations.CopyColumn;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.RemoveColumnSync;
import dev.keel.operations.RemoveConstraint;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RenameConstraint;
import dev.keel.operations.RenameIndex;
import dev.keel.operations.SafeRemoveField;
import dev.keel.operations.SwitchColumn;
import dev.keel.operations.ValidateConstraint;
import dev.keel.rewrite.Identifiers;
import dev.keel.rewrite.SqlText;
import dev.keel.rewrite.Step;
import dev.keel.rewrite.conversions.Conversion;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;

/**
 * The expand/contract steps of a column type change PostgreSQL cannot do in place, on a table with rows and
 * traffic. The code names the column {@code c} throughout; keel fills a twin column beside it and swaps them:
 * <ol>
 *   <li>deploy: the twin {@code c_keel_new} (new type, nullable, owned by the twin field {@code <field>KeelTwin}),
 *       a trigger keeping it in step with {@code c} ({@link AddColumnSync}), and a varchar shrink's
 *       {@code CHECK (char_length(..) <= m) NOT VALID};</li>
 *   <li>after deployment: the backfill ({@link CopyColumn}, first in its phase); then the twin's NOT NULL proof,
 *       foreign keys and checks NOT VALID; its indexes and unique indexes built concurrently; the validations;</li>
 *   <li>the switch, one short transaction: NOT NULL and default on the twin, the sync dropped, the old column's
 *       indexes and constraints dropped, {@link SwitchColumn} ({@code c} to {@code c_keel_old}, the twin to
 *       {@code c}), the twin's indexes and constraints renamed to the old names, the old column made nullable,
 *       kept in step the other way (so that a rollback finds every value; NULL for a value written since when the
 *       way back is not total), and moved to pending;</li>
 *   <li>{@code makemigrations --delete-pending}: the sync dropped, the old column dropped.</li>
 * </ol>
 * Every step before the delete phase has a reverse; reversing the switch rebuilds the old column's indexes in
 * its transaction.
 */
final class TypeChangeExpandContract {
    /** The suffix of the twin column and of its indexes and constraints while it fills. */
    static final String NEW = "keel_new";
    /** The suffix of the old column once switched out. */
    static final String OLD = "keel_old";

    private TypeChangeExpandContract() {}

    /** The name of the twin field that owns the twin column until the switch, and the old column after it. */
    static String twinField(String field) {
        return field + "KeelTwin";
    }

    static List<Step> steps(String model, String field, Table table, Column old, Column target, Conversion conversion) {
        String c = old.name();
        String twin = twinField(field);
        String shadow = Identifiers.make(c, NEW);
        String retired = Identifiers.make(c, OLD);
        String forward = conversion.forwardOver(c);
        var deploy = new ArrayList<Step>();
        var post = new ArrayList<Step>();
        var switchSteps = new ArrayList<Step>();

        Column twinColumn = new Column(shadow, target.type(), false, null, null, twin, target.comment());
        deploy.add(Step.deploy(new AddField(model, twin, twinColumn)));
        deploy.add(Step.deploy(new AddColumnSync(model, c, shadow, forward, conversion.backwardOver(shadow))));
        String lengthCheck = null;
        if (conversion.lengthCap() > 0) {
            lengthCheck = Identifiers.make(table.name() + "_" + c, "keel_length");
            deploy.add(Step.deploy(new AddConstraint(model, new CheckConstraint(lengthCheck,
                    "char_length(" + SqlText.quote(shadow) + ") <= " + conversion.lengthCap(), false))));
        }

        post.add(Step.post(new CopyColumn(model, shadow, forward)));
        var toValidate = new ArrayList<String>();
        if (lengthCheck != null) {
            toValidate.add(lengthCheck);
        }
        String notNullCheck = null;
        if (target.notNull()) {
            notNullCheck = SetNotNullViaCheck.checkName(table, shadow);
            post.add(Step.post(new AddConstraint(model, new CheckConstraint(notNullCheck, SqlText.notNullCheck(shadow), false))));
            toValidate.add(notNullCheck);
        }
        var renames = new ArrayList<Step>();
        var drops = new ArrayList<Step>();
        for (Index index : table.indexes()) {
            if (index.uses(c)) {
                String twinName = Identifiers.make(index.name(), NEW);
                post.add(Step.post(new AddIndex(model, index.renameColumn(c, shadow).withName(twinName), true)));
                drops.add(Step.post(new RemoveIndex(model, index.name(), false)).last());
                renames.add(Step.post(new RenameIndex(model, twinName, index.name())).last());
            }
        }
        for (Constraint constraint : table.constraints()) {
            if (!constraint.uses(c)) {
                continue;
            }
            String twinName = Identifiers.make(constraint.name(), NEW);
            if (constraint instanceof UniqueConstraint u) {
                var twinUnique = new UniqueConstraint(twinName, rename(u.columns(), c, shadow), u.isDeferrable(), u.isInitiallyDeferred());
                post.add(Step.post(new AddIndex(model, new Index(twinName, twinUnique.columns(), true, "btree", null), true)));
                switchSteps.add(Step.post(new AddConstraintUsingIndex(model, twinUnique, twinName)).last());
            } else if (constraint instanceof ForeignKey fk) {
                var twinFk = new ForeignKey(twinName, rename(fk.columns(), c, shadow), fk.targetTable(), fk.targetColumns(),
                        fk.onDelete(), fk.enforced(), !fk.enforced());
                post.add(Step.post(new AddConstraint(model, twinFk)));
                if (fk.enforced()) {
                    toValidate.add(twinName);
                }
            } else if (constraint instanceof CheckConstraint check) {
                post.add(Step.post(new AddConstraint(model, check.renameColumn(c, shadow).withName(twinName).notValid())));
                toValidate.add(twinName);
            }
            drops.add(Step.post(new RemoveConstraint(model, constraint.name())).last());
            renames.add(Step.post(new RenameConstraint(model, twinName, constraint.name())).last());
        }
        toValidate.forEach(name -> post.add(Step.post(new ValidateConstraint(model, name))));

        Column finished = target.name(shadow).field(twin);
        if (!finished.sameInDatabase(twinColumn)) {
            switchSteps.add(0, Step.post(new AlterField(model, twin, finished)).last());
        }
        if (notNullCheck != null) {
            switchSteps.add(Step.post(new RemoveConstraint(model, notNullCheck)).last());
        }
        if (lengthCheck != null) {
            // the column's type refuses a longer value from the switch on
            switchSteps.add(Step.post(new RemoveConstraint(model, lengthCheck)).last());
        }
        switchSteps.add(Step.post(new RemoveColumnSync(model, shadow)).last());
        switchSteps.addAll(drops);
        switchSteps.add(Step.post(new SwitchColumn(model, field, twin, retired)).last());
        switchSteps.addAll(renames);
        Column retiredColumn = old.name(retired).field(twin);
        if (retiredColumn.notNull() || retiredColumn.defaultSql() != null) {
            switchSteps.add(Step.post(new AlterField(model, twin, retiredColumn.nullable().defaultSql(null))).last());
        }
        // without a total way back a write of the new code marks the old value unknown (NULL) rather than fail or leave it stale
        String back = conversion.backwardTotal() ? conversion.backwardOver(c) : "NULL";
        switchSteps.add(Step.post(new AddColumnSync(model, c, retired, back, conversion.forwardOver(retired))).last());
        switchSteps.add(Step.post(new SafeRemoveField(model, twin, DeletionAction.MOVE_TO_PENDING)).last());

        var all = new ArrayList<Step>(deploy);
        all.addAll(post);
        all.addAll(switchSteps);
        return all;
    }

    private static List<String> rename(List<String> columns, String from, String to) {
        return columns.stream().map(x -> x.equals(from) ? to : x).toList();
    }
}
