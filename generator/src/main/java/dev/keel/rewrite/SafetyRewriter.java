package dev.keel.rewrite;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.operations.AddIndex;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveIndex;
import dev.keel.operations.RunSql;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.rewrite.rules.CheckSwap;
import dev.keel.rewrite.rules.GeneratedColumnGuard;
import dev.keel.rewrite.rules.ColumnRenameExpandContract;
import dev.keel.rewrite.rules.ExpandTableRename;
import dev.keel.rewrite.rules.ConcurrentIndex;
import dev.keel.rewrite.rules.NotValidThenValidate;
import dev.keel.rewrite.rules.ReferencesRetargeted;
import dev.keel.rewrite.rules.RenameGuard;
import dev.keel.rewrite.rules.RowsMovedBetweenTables;
import dev.keel.rewrite.rules.SetNotNullViaCheck;
import dev.keel.rewrite.rules.TwoPhaseColumnRemoval;
import dev.keel.rewrite.rules.TwoPhaseSequenceRemoval;
import dev.keel.rewrite.rules.TwoPhaseTableRemoval;
import dev.keel.rewrite.rules.KeyGenerationSwitch;
import dev.keel.rewrite.rules.TypeChangeGuard;
import dev.keel.rewrite.rules.UniqueViaIndex;
import dev.keel.rewrite.rules.VolatileDefault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the differ's plain operations into their zero-downtime forms and splits them into the
 * migrations to write ({@link MigrationSplitter}): deploy-time ones and, for index builds on large tables
 * and backfills, post-deployment ones.
 */
public final class SafetyRewriter {
    /** The rules, in the order they are tried; the first that applies to an operation wins. */
    public static final List<SafetyRule> RULES = List.of(
            // first: a column of a table renamed behind a view in the same migration is renamed in place
            new ExpandTableRename(),
            new ColumnRenameExpandContract(),
            new RenameGuard(),
            new GeneratedColumnGuard(),
            new TypeChangeGuard(),
            new KeyGenerationSwitch(),
            new TwoPhaseColumnRemoval(),
            new TwoPhaseTableRemoval(),
            new TwoPhaseSequenceRemoval(),
            new VolatileDefault(),
            new ConcurrentIndex(),
            new UniqueViaIndex(),
            new CheckSwap(),
            new NotValidThenValidate(),
            new SetNotNullViaCheck());

    private SafetyRewriter() {}

    /**
     * The safe plan for one app's operations.
     *
     * @param before the state before these operations
     * @throws KeelException of kind INPUT_NEEDED listing every change refused without permission
     */
    public static List<PlannedMigration> rewrite(String app, ProjectState before, List<Operation> operations,
                                                 SafetyOptions options) {
        return rewrite(app, before, operations, options, new ArrayList<>());
    }

    /**
     * The safe plan for one app's operations, adding to {@code notes} what the user should know about it
     * (a step left for a later run).
     *
     * @param before the state before these operations
     * @throws KeelException of kind INPUT_NEEDED listing every change refused without permission
     */
    public static List<PlannedMigration> rewrite(String app, ProjectState before, List<Operation> operations,
                                                 SafetyOptions options, List<String> notes) {
        return rewrite(app, before, operations, options, notes, Set.of());
    }

    /**
     * The safe plan for one app's operations, where the tables of {@code createdInRun} were created by an
     * earlier migration of the same run (before any deployment: they hold no rows, and are treated as tables
     * this migration creates).
     *
     * @param before the state before these operations
     * @throws KeelException of kind INPUT_NEEDED listing every change refused without permission
     */
    public static List<PlannedMigration> rewrite(String app, ProjectState before, List<Operation> operations,
                                                 SafetyOptions options, List<String> notes, Set<ModelKey> createdInRun) {
        var ctx = new RewriteContext(app, before, options, createdInRun);
        var steps = new ArrayList<Step>();
        ProjectState state = before;
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (ctx.isConsumed(op)) {
                continue;
            }
            ctx.advance(state, operations.subList(i + 1, operations.size()));
            List<Step> safe = safeSteps(ctx, op);
            for (Step step : safe) {
                state = StateTransitions.apply(step.operation(), app, state);
                ctx.applied(step.operation());
                steps.add(step);
            }
        }
        if (!ctx.refusals().isEmpty()) {
            throw new KeelException(ErrorKind.INPUT_NEEDED, ctx.refusals());
        }
        notes.addAll(ctx.notes());
        ProjectState written = RowsMovedBetweenTables.applied(app, before, operations);
        notes.addAll(RowsMovedBetweenTables.notes(app, before, written));
        notes.addAll(ReferencesRetargeted.notes(app, before, written));
        return MigrationSplitter.split(app, before, steps);
    }

    private static List<Step> safeSteps(RewriteContext ctx, Operation op) {
        for (SafetyRule rule : RULES) {
            Optional<List<Step>> rewritten = rule.rewrite(ctx, op);
            if (rewritten.isPresent()) {
                return rewritten.get();
            }
        }
        return List.of(Step.deploy(op));
    }

    /**
     * Whether an operation can run inside a transaction: concurrent index builds and drops cannot, nor
     * can SQL that commits between batches, nor keel's batched column copy.
     */
    static boolean fitsInTransaction(Operation op) {
        return !((op instanceof AddIndex a && a.isConcurrent()) || (op instanceof RemoveIndex r && r.isConcurrent())
                || (op instanceof RunSql sql && sql.sql().contains("COMMIT;"))
                || op instanceof dev.keel.operations.CopyColumn);
    }
}
