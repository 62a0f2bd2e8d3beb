package dev.keel.lint;

import dev.keel.lint.rules.AddThenDropDefault;
import dev.keel.lint.rules.AddedVolatileDefault;
import dev.keel.lint.rules.AllowUnknownRule;
import dev.keel.lint.rules.AllowWithoutReason;
import dev.keel.lint.rules.BlockingMaintenance;
import dev.keel.lint.rules.ColumnTypeChange;
import dev.keel.lint.rules.ConcurrentlyInAtomicMigration;
import dev.keel.lint.rules.ConstraintWithoutNotValid;
import dev.keel.lint.rules.AttachPartition;
import dev.keel.lint.rules.DetachPartition;
import dev.keel.lint.rules.DisableTrigger;
import dev.keel.lint.rules.DropColumn;
import dev.keel.lint.rules.DropIndexWithoutConcurrently;
import dev.keel.lint.rules.DropSequence;
import dev.keel.lint.rules.DropTable;
import dev.keel.lint.rules.ExclusionConstraint;
import dev.keel.lint.rules.ImportsApplicationCode;
import dev.keel.lint.rules.IndexWithoutConcurrently;
import dev.keel.lint.rules.KeyGeneration;
import dev.keel.lint.rules.LockTable;
import dev.keel.lint.rules.MixedSchemaAndData;
import dev.keel.lint.rules.NewEnumValueUsed;
import dev.keel.lint.rules.EnumValueRemoval;
import dev.keel.lint.rules.NotNullWithoutDefault;
import dev.keel.lint.rules.PendingDeletedTooSoon;
import dev.keel.lint.rules.PostDeploymentSchemaChange;
import dev.keel.lint.rules.RenameColumn;
import dev.keel.lint.rules.RenameTable;
import dev.keel.lint.rules.RewritingAddColumn;
import dev.keel.lint.rules.SecondTableLock;
import dev.keel.lint.rules.SetNotNull;
import dev.keel.lint.rules.TableRewrite;
import dev.keel.lint.rules.TransactionControl;
import dev.keel.lint.rules.Truncate;
import dev.keel.lint.rules.UniqueConstraintWithoutIndex;
import dev.keel.lint.rules.UnreadableSql;
import dev.keel.lint.rules.ValidateInSameTransaction;
import dev.keel.lint.rules.WholeTableDml;

import java.util.List;

/** Every lint rule, in one explicit list. */
public final class LintRules {
    /** The rules {@code keel lint} runs. */
    public static final List<LintRule> ALL = List.of(
            new DropColumn(),
            new DropTable(),
            new DropSequence(),
            new RenameColumn(),
            new RenameTable(),
            new ColumnTypeChange(),
            new NotNullWithoutDefault(),
            new AddedVolatileDefault(),
            new RewritingAddColumn(),
            new AddThenDropDefault(),
            new SetNotNull(),
            new KeyGeneration(),
            new IndexWithoutConcurrently(),
            new DropIndexWithoutConcurrently(),
            new ConcurrentlyInAtomicMigration(),
            new NewEnumValueUsed(),
            new EnumValueRemoval(),
            new UniqueConstraintWithoutIndex(),
            new ExclusionConstraint(),
            new ConstraintWithoutNotValid(),
            new ValidateInSameTransaction(),
            new PendingDeletedTooSoon(),
            new LockTable(),
            new SecondTableLock(),
            new BlockingMaintenance(),
            new TableRewrite(),
            new DisableTrigger(),
            new DetachPartition(),
            new AttachPartition(),
            new Truncate(),
            new WholeTableDml(),
            new UnreadableSql(),
            new TransactionControl(),
            new MixedSchemaAndData(),
            new PostDeploymentSchemaChange(),
            new ImportsApplicationCode(),
            new AllowWithoutReason(),
            new AllowUnknownRule());

    private LintRules() {}

    /** The names of every rule, in list order. */
    public static List<String> names() {
        return ALL.stream().map(LintRule::name).toList();
    }
}
