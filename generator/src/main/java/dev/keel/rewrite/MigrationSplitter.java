package dev.keel.rewrite;

import dev.keel.diff.SchemaComparison;
import dev.keel.error.KeelException;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.rewrite.Step.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Splits the steps of a safe plan into the migrations to write. Deploy-time steps come before
 * post-deployment ones; within a phase, steps run stage by stage ({@link Stage}), so that a phase needs
 * at most four migrations: the column copies of a rename or type change (not atomic), the quick schema
 * changes (atomic), the concurrent index builds (not atomic), then the validations and what follows them
 * (atomic, validations first). Every migration is then either
 * atomic, and so re-runnable whole, or holds only statements written to be re-run.
 *
 * <p>Moving a step to a later stage must not change the outcome: when the stage order does not replay
 * to the same state as the rules' order, the rules' order is kept and the migrations follow it.
 */
final class MigrationSplitter {
    private MigrationSplitter() {}

    static List<PlannedMigration> split(String app, ProjectState before, List<Step> steps) {
        List<Step> byPhase = sorted(steps, Comparator.comparing(Step::postDeployment));
        ProjectState expected = replay(app, before, steps);
        if (!replaysTo(app, before, byPhase, expected)) {
            throw new IllegalStateException("keel bug: the post-deployment steps of this plan cannot run after the"
                    + " deploy-time ones: " + steps);
        }
        List<Step> byStage = sorted(steps, Comparator.comparing(Step::postDeployment).thenComparing(Step::stage));
        return group(replaysTo(app, before, byStage, expected) ? byStage : byPhase);
    }

    private static List<Step> sorted(List<Step> steps, Comparator<Step> order) {
        var copy = new ArrayList<>(steps);
        copy.sort(order);
        return copy;
    }

    private static boolean replaysTo(String app, ProjectState before, List<Step> steps, ProjectState expected) {
        try {
            return same(replay(app, before, steps), expected);
        } catch (KeelException e) {
            return false;
        }
    }

    /** The same schema and the same pending deletions, whatever the order of columns, constraints and indexes. */
    private static boolean same(ProjectState a, ProjectState b) {
        return SchemaComparison.differences(a, b).isEmpty() && Set.copyOf(a.pending()).equals(Set.copyOf(b.pending()));
    }

    private static ProjectState replay(String app, ProjectState state, List<Step> steps) {
        for (Step s : steps) {
            state = StateTransitions.apply(s.operation(), app, state);
        }
        return state;
    }

    private static List<PlannedMigration> group(List<Step> steps) {
        var plans = new ArrayList<PlannedMigration>();
        List<Step> current = new ArrayList<>();
        for (Step step : steps) {
            if (!current.isEmpty() && !fits(current, step)) {
                plans.add(plan(current));
                current = new ArrayList<>();
            }
            current.add(step);
        }
        if (!current.isEmpty()) {
            plans.add(plan(current));
        }
        return plans;
    }

    /** Whether {@code step} may join the migration being filled. */
    private static boolean fits(List<Step> migration, Step step) {
        if (usesNewEnumValue(migration, step.operation())) {
            return false;
        }
        Step first = migration.get(0);
        if (first.postDeployment() != step.postDeployment()) {
            return false;
        }
        boolean atomic = !Step.nonAtomic(first.stage());
        if (Step.nonAtomic(step.stage()) || !atomic) {
            return step.stage() == first.stage() && !atomic;
        }
        // A validation scans the table: it must not run while this transaction holds a lock that blocks writes.
        return step.stage() != Stage.VALIDATE || migration.stream().allMatch(s -> s.stage() == Stage.VALIDATE);
    }

    /**
     * Whether {@code op} names (as an SQL literal) a value an {@code AddEnumValue} of the migration adds: PostgreSQL
     * refuses a new enum value in the transaction that added it ("unsafe use of new value"), so {@code op} goes to the
     * next migration, which commits after the value.
     */
    static boolean usesNewEnumValue(List<Step> migration, dev.keel.operations.Operation op) {
        if (op instanceof dev.keel.operations.AddEnumValue) {
            return false;
        }
        String text = op.toString();
        return migration.stream().map(Step::operation).anyMatch(o -> o instanceof dev.keel.operations.AddEnumValue add
                && text.contains("'" + add.value().replace("'", "''") + "'"));
    }

    private static PlannedMigration plan(List<Step> steps) {
        List<Operation> ops = steps.stream().map(Step::operation).toList();
        return new PlannedMigration(ops, !Step.nonAtomic(steps.get(0).stage()), steps.get(0).postDeployment());
    }
}
