package dev.keel.runner.internal;

import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.operations.SeparateDatabaseAndState;
import dev.keel.runner.sql.OperationSql;
import dev.keel.runner.sql.Step;
import dev.keel.state.ProjectState;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link Script} of a migration from its operations and the state it meets. Statements of
 * non-atomic migrations are made re-runnable ({@link ReRunnable}), except the user's own
 * ({@code RunSql}), which are sent as written.
 */
public final class Scripts {
    private Scripts() {}

    /**
     * What applying {@code m} to a database holding {@code before} runs.
     *
     * @throws dev.keel.error.KeelException of kind INVALID_OPERATION when an operation does not apply
     */
    public static Script forwards(MigrationSpec m, ProjectState before) {
        var steps = new ArrayList<ScriptStep>();
        ProjectState s = before;
        for (Operation op : m.operations()) {
            add(steps, m, op, op.describe(), s);
            s = op.applyTo(m.app(), s);
        }
        return new Script(m, false, steps);
    }

    /**
     * What unapplying {@code m} runs, given the state {@code before} it was applied to: each
     * operation's reverse, the last operation first.
     *
     * @throws dev.keel.error.KeelException of kind IRREVERSIBLE when an operation has no reverse
     */
    public static Script backwards(MigrationSpec m, ProjectState before) {
        var states = new ArrayList<ProjectState>();
        ProjectState s = before;
        for (Operation op : m.operations()) {
            states.add(s);
            s = op.applyTo(m.app(), s);
        }
        var steps = new ArrayList<ScriptStep>();
        for (int i = m.operations().size() - 1; i >= 0; i--) {
            Operation op = m.operations().get(i);
            ProjectState opBefore = states.get(i);
            ProjectState rs = op.applyTo(m.app(), opBefore);
            for (Operation r : op.reverse(m.app(), opBefore)) {
                add(steps, m, r, "undo " + op.describe(), rs);
                rs = r.applyTo(m.app(), rs);
            }
        }
        return new Script(m, true, steps);
    }

    private static void add(List<ScriptStep> steps, MigrationSpec m, Operation op, String describe, ProjectState s) {
        if (op instanceof SeparateDatabaseAndState sds) {
            ProjectState ds = s;
            for (Operation o : sds.database()) {
                add(steps, m, o, describe, ds);
                ds = o.applyTo(m.app(), ds);
            }
            return;
        }
        boolean userSql = op instanceof RunSql;
        for (Step step : OperationSql.forwards(m.app(), s, op)) {
            if (m.atomic() || userSql || !(step instanceof Step.Sql sql)) {
                steps.add(new ScriptStep(describe, step, s));
                continue;
            }
            for (ReRunnable.Guarded g : ReRunnable.rewrite(sql.text())) {
                steps.add(new ScriptStep(describe, new Step.Sql(g.sql()), g.guard(), g.cleanup(), s));
            }
        }
    }
}
